// Two-step join on the projector: the pattern of shapes phones must tap, shown large in the lobby and small in the
// top bar during the game (for late joiners). Its colours and shapes are those of the answer tiles; a screen reader
// reads the shapes' names.
import { h, fill, setAttr, setHidden, shapeIcon } from '../shared/dom.js';
import { PATTERN_SHAPES, patternWords } from '../shared/pattern.js';

/** Shows `pattern` (shape indices) in `el`, or hides `el` when there is none. */
export function showPattern(el, pattern) {
  const key = JSON.stringify(pattern ?? null);
  if (el.dataset.pattern === key) return;
  el.dataset.pattern = key;
  setHidden(el, !pattern);
  setAttr(el, 'aria-label', pattern ? `Join pattern: ${patternWords(pattern)}` : null);
  fill(el, (pattern ?? []).map((i) => h('span', { class: `pattern-shape opt-${i}`, 'data-shape': i,
    'aria-hidden': 'true' }, shapeIcon(PATTERN_SHAPES[i]))));
}
