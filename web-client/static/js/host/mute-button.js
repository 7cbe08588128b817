// The projector's mute button in the top bar: always there, reachable by Tab and by the M key, pressed while the
// sound is off. Its name stays "Mute"; the pressed state and the speaker's picture say whether sound is on.
import { setAttr } from '../shared/dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const SPEAKER = 'M3 9h4l5-4.5v15L7 15H3z';
const WAVES = 'M15.5 8.5a5 5 0 0 1 0 7M18.5 5.5a9 9 0 0 1 0 13';
const CROSS = 'M16 9l6 6M22 9l-6 6';

function icon() {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'mute-icon');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const body = document.createElementNS(SVG, 'path');
  body.setAttribute('d', SPEAKER);
  body.setAttribute('class', 'speaker');
  const lines = document.createElementNS(SVG, 'path');
  lines.setAttribute('class', 'lines');
  svg.append(body, lines);
  return { svg, lines };
}

/** Turns the top bar's button into the mute control for `sound`. */
export function mountMuteButton(button, sound, onChange = () => {}) {
  const { svg, lines } = icon();
  const label = document.createElement('span');
  label.textContent = 'Mute';
  button.replaceChildren(svg, label);
  setAttr(button, 'aria-keyshortcuts', 'M');
  const show = () => {
    setAttr(button, 'aria-pressed', sound.enabled ? 'false' : 'true');
    setAttr(button, 'title', sound.enabled ? 'Sound is on. Press M to mute.' : 'Sound is off. Press M to turn it on.');
    lines.setAttribute('d', sound.enabled ? WAVES : CROSS);
  };
  const toggle = () => {
    sound.toggle();
    show();
    onChange();
  };
  button.addEventListener('click', toggle);
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'm' && e.key !== 'M') return;
    if (e.target.closest?.('input, select, textarea, [contenteditable]') || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    toggle();
  });
  show();
}
