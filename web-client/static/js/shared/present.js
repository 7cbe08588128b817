// Pure helpers that every page uses to show things: option marks, and numbers and ranks in words. No DOM.

export const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];
export const SHAPES = ['triangle', 'diamond', 'circle', 'square', 'star', 'hexagon'];

/** The letter and shape that stand for displayed option `i` on every screen. */
export function mark(i) {
  return { letter: LETTERS[i] ?? String(i + 1), shape: SHAPES[i % SHAPES.length] };
}

/**
 * A player's or team's name inside a sentence, isolated (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE) so that a
 * right-to-left name cannot reorder the words around it.
 */
export function isolate(name) {
  return `\u2068${name ?? ''}\u2069`;
}

export function ordinal(n) {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return n + ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th');
}

export function formatNumber(n) {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '';
  return n.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** An answer value: years and other 4-digit numbers stay as typed (1922), bigger ones are grouped (340,000). */
export function formatValue(n) {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '';
  return n.toLocaleString('en-US', { maximumFractionDigits: 3, useGrouping: Math.abs(n) >= 10000 });
}

export function points(n) {
  return `${formatNumber(n)} ${Math.abs(n) === 1 ? 'point' : 'points'}`;
}
