// Small DOM helpers. Every piece of text goes in as a text node or textContent, never as HTML.
import { mark } from './present.js';

/** Creates an element. props: class, text, on<event>, dataset, any attribute; children: nodes or strings. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = String(value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** Sets text only when it changed, so that updates stay cheap and screen readers are not re-announced. */
export function setText(el, text) {
  const t = text == null ? '' : String(text);
  if (el.textContent !== t) el.textContent = t;
}

/**
 * Says whether a value differs (compared as JSON) from the one it was given the time before, so that a view draws a
 * part again only when what that part shows changed: `const rowsChanged = changeCheck(); … if (rowsChanged(rows)) …`.
 */
export function changeCheck() {
  let last = null;
  return (value) => {
    const key = JSON.stringify(value);
    if (key === last) return false;
    last = key;
    return true;
  };
}

export function setHidden(el, hidden) {
  if (el.hidden !== !!hidden) el.hidden = !!hidden;
}

export function setAttr(el, name, value) {
  if (value == null || value === false) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else {
    const v = value === true ? '' : String(value);
    if (el.getAttribute(name) !== v) el.setAttribute(name, v);
  }
}

const SVG = 'http://www.w3.org/2000/svg';
const PATHS = {
  triangle: 'M12 2.5 22.5 21h-21z',
  diamond: 'M12 1.5 22.5 12 12 22.5 1.5 12z',
  square: 'M3 3h18v18H3z',
  star: 'M12 1.8l3 6.6 7.2.7-5.4 4.8 1.6 7.1L12 17.3 5.6 21l1.6-7.1L1.8 9.1 9 8.4z',
  hexagon: 'M6.5 2.5h11L23 12l-5.5 9.5h-11L1 12z',
};

/** The shape of an option as an inline SVG (decorative: the letter and a text label say the same). */
export function shapeIcon(shape, className = 'shape') {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', className);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const part = shape === 'circle' ? document.createElementNS(SVG, 'circle') : document.createElementNS(SVG, 'path');
  if (shape === 'circle') {
    part.setAttribute('cx', '12');
    part.setAttribute('cy', '12');
    part.setAttribute('r', '10.5');
  } else {
    part.setAttribute('d', PATHS[shape] ?? PATHS.square);
  }
  svg.append(part);
  return svg;
}

/** The letter-and-shape badge of displayed option i, coloured by the option's palette slot. */
export function optionBadge(i) {
  const m = mark(i);
  return h('span', { class: `badge opt-${i}`, 'aria-hidden': 'true' }, shapeIcon(m.shape), h('span', { class: 'letter', text: m.letter }));
}

/** Words a screen reader says for an option: "A, triangle". */
export function optionName(i) {
  const m = mark(i);
  return `${m.letter}, ${m.shape}`;
}

/** A team's colour as a small square (decorative: the team's name is always written next to it). */
export function teamSwatch(colour, className = 'swatch') {
  return h('span', { class: `${className} team-${colour}`, 'aria-hidden': 'true' });
}

/** A team's colour and name together: the way a team is shown everywhere. */
export function teamBadge(team, props = {}) {
  return h('span', { class: `team-badge team-${team.colour}`, ...props }, teamSwatch(team.colour),
    h('span', { class: 'team-badge-name wrap', text: team.name }));
}

/**
 * The view of a screen that shows one part of the state (`state[part]`): `update(shown, state, now)` runs only while
 * that part is there, so a screen never draws from a state it does not belong to.
 */
export function screenView(el, part, focus, update) {
  return {
    el,
    focus,
    update(state, now) {
      const shown = state[part];
      if (shown) update(shown, state, now);
    },
  };
}
