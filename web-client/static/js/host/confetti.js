// Confetti for the winner, drawn on a canvas over the page (made here, no images). It ignores the pointer, is hidden
// from screen readers, and removes itself when the last piece has fallen.

const COLOURS = ['#ffd23f', '#b3261e', '#1a56b0', '#2e9c4a', '#6b2fa0', '#0e9ea5', '#ffffff', '#fb8c00'];

/** Rains confetti over `parent` for about `ms`; returns a function that stops it at once. */
export function launchConfetti(parent, { ms = 4500, count = 170 } = {}) {
  const canvas = document.createElement('canvas');
  canvas.className = 'confetti';
  canvas.setAttribute('aria-hidden', 'true');
  canvas.dataset.testid = 'confetti';
  parent.append(canvas);
  const ratio = globalThis.devicePixelRatio || 1;
  const w = innerWidth;
  const hgt = innerHeight;
  canvas.width = Math.round(w * ratio);
  canvas.height = Math.round(hgt * ratio);
  const g = canvas.getContext('2d');
  if (!g) {
    canvas.remove();
    return () => {};
  }
  g.scale(ratio, ratio);
  const size = Math.max(6, Math.min(w, hgt) / 70);
  const pieces = Array.from({ length: count }, () => ({
    x: Math.random() * w,
    y: -Math.random() * hgt * 0.6 - size,
    vx: (Math.random() - 0.5) * w * 0.08,
    vy: hgt * (0.18 + Math.random() * 0.22),
    spin: (Math.random() - 0.5) * 12,
    angle: Math.random() * Math.PI * 2,
    sway: Math.random() * Math.PI * 2,
    w: size * (0.6 + Math.random() * 0.8),
    h: size * (0.35 + Math.random() * 0.4),
    colour: COLOURS[Math.floor(Math.random() * COLOURS.length)],
  }));
  const start = performance.now();
  let last = start;
  let frame = 0;
  function draw(t) {
    const dt = Math.min(0.05, (t - last) / 1000);
    last = t;
    const ending = t - start > ms;
    g.clearRect(0, 0, w, hgt);
    let alive = 0;
    for (const p of pieces) {
      if (p.done) continue;
      p.sway += dt * 3;
      p.x += (p.vx + Math.sin(p.sway) * size * 6) * dt;
      p.y += p.vy * dt;
      p.angle += p.spin * dt;
      if (p.y > hgt + size || (ending && p.y < -size)) {
        if (ending) {
          p.done = true; // once the time is up no piece starts again: what is in the air finishes falling
          continue;
        }
        p.y = -size;
        p.x = Math.random() * w;
      }
      alive++;
      g.save();
      g.translate(p.x, p.y);
      g.rotate(p.angle);
      g.scale(1, Math.cos(p.sway * 1.7)); // turning over as it falls
      g.fillStyle = p.colour;
      g.fillRect(-p.w / 2, -p.h / 2, p.w, p.h);
      g.restore();
    }
    frame = alive > 0 ? requestAnimationFrame(draw) : 0;
    if (!frame) canvas.remove();
  }
  frame = requestAnimationFrame(draw);
  return () => {
    cancelAnimationFrame(frame);
    canvas.remove();
  };
}
