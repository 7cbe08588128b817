// Fits a question's type to the window: the projector's question and reveal screens never scroll, so long prompts
// and options set their text smaller (never under 24 px, see host.css) until the page fits.

const FLOOR = 0.5;
const STEPS = 8;

/** True when the page needs no scrolling with `reserve` (a CSS length) left free at the bottom. */
function pageFits(screen, reserve) {
  screen.style.paddingBottom = reserve;
  const doc = document.documentElement;
  const fits = doc.scrollHeight <= innerHeight && doc.scrollWidth <= innerWidth;
  screen.style.paddingBottom = '';
  return fits;
}

/**
 * Sets `--fit` on a shown screen to the largest type scale, at most 1, at which the page needs no scrolling with
 * `reserve` to spare (a CSS length, which may follow the type scale); returns it. A binary search: each try is one
 * layout.
 */
export function fitScreen(screen, reserve = '') {
  const set = (f) => {
    screen.style.setProperty('--fit', f.toFixed(3));
    screen.dataset.fit = f.toFixed(3);
  };
  // No scrollbar while measuring: one that a longer try showed would narrow the page, and text wraps onto more lines.
  const root = document.documentElement;
  const overflow = root.style.overflow;
  root.style.overflow = 'hidden';
  try {
    set(1);
    if (pageFits(screen, reserve)) return 1;
    let lo = FLOOR;
    let hi = 1;
    for (let i = 0; i < STEPS; i++) {
      const mid = (lo + hi) / 2;
      set(mid);
      if (pageFits(screen, reserve)) lo = mid;
      else hi = mid;
    }
    set(lo);
    return lo;
  } finally {
    root.style.overflow = overflow;
  }
}

/** Whether the viewer asked for less motion: animations are then left out. */
export function reducedMotion() {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}
