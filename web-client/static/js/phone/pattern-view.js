// Two-step join: after the PIN, the four shapes the big screen shows, tapped in order on big labelled buttons (a
// keyboard works too: they are plain buttons). The fourth tap sends the join; a wrong pattern is said in words.
import { h, fill, setText, setHidden, shapeIcon, changeCheck } from '../shared/dom.js';
import { PATTERN_LENGTH, PATTERN_SHAPES, shapeWord, patternWords } from '../shared/pattern.js';

export function mountPattern(root, actions) {
  const error = h('p', { class: 'notice', role: 'alert', hidden: true, 'data-testid': 'pattern-error' });
  const slots = h('ol', { class: 'pattern-slots', 'aria-hidden': 'true', 'data-testid': 'pattern-slots' });
  const tapped = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'data-testid': 'pattern-tapped' });
  const keys = PATTERN_SHAPES.map((shape, i) => h('button', { class: `pattern-key opt-${i}`, type: 'button',
    'data-testid': 'pattern-key', 'data-shape': i, onclick: () => actions.tapShape(i) },
  shapeIcon(shape), h('span', { class: 'pattern-key-label', text: shapeWord(i) })));
  const undo = h('button', { class: 'button', type: 'button', 'data-testid': 'pattern-undo',
    onclick: () => actions.untapShape() }, 'Undo');
  const back = h('button', { class: 'button', type: 'button', onclick: () => actions.changeName() }, 'Start over');
  const el = h('section', { class: 'screen screen-pattern', 'data-testid': 'screen-pattern', 'aria-labelledby': 'pattern-title' },
    h('h1', { id: 'pattern-title', tabindex: -1 }, 'Tap the shapes'),
    h('p', { class: 'hint', id: 'pattern-hint' }, 'Tap the four shapes shown on the big screen, in order.'),
    error, slots, tapped,
    h('div', { class: 'pattern-pad', role: 'group', 'aria-labelledby': 'pattern-title', 'aria-describedby': 'pattern-hint' }, keys),
    h('div', { class: 'row' }, undo, back));
  root.append(el);

  const tapsChanged = changeCheck();
  let wasJoining = false;
  return {
    el,
    focus: () => keys[0].focus(),
    update(state) {
      const taps = state.taps ?? [];
      if (tapsChanged([taps, state.joining])) {
        fill(slots, Array.from({ length: PATTERN_LENGTH }, (_, n) => (n < taps.length
          ? h('li', { class: `pattern-slot opt-${taps[n]}` }, shapeIcon(PATTERN_SHAPES[taps[n]]))
          : h('li', { class: 'pattern-slot empty' }))));
        setText(tapped, state.joining ? 'Joining…'
          : taps.length ? `${taps.length} of ${PATTERN_LENGTH}: ${patternWords(taps)}` : '');
        for (const b of keys) b.disabled = !!state.joining;
        undo.disabled = !!state.joining || taps.length === 0;
      }
      setText(error, state.error ?? '');
      setHidden(error, !state.error);
      // Refused: the keys were disabled while the join was on its way; the keyboard goes back to the first one.
      if (wasJoining && !state.joining) keys[0].focus();
      wasJoining = !!state.joining;
    },
  };
}
