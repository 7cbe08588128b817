// A player's answer (or the right one) as the phone shows it: each option with its colour, shape, letter and text,
// a number with its unit; on the result, each part marked right or wrong in a symbol and a word, not colour alone.
import { h, optionBadge, optionName } from '../shared/dom.js';
import { formatValue } from '../shared/present.js';
import { answerOptions } from './words.js';

/** One option as a chip: its badge, its name for screen readers, its text if the phone has it, and a mark. */
function optionChip(i, options, verdict = null, place = null) {
  const text = options?.[i];
  return h('li', { class: `answer-chip${verdict ? ` is-${verdict}` : ''}`, 'data-option': i },
    place != null ? h('span', { class: 'chip-place', 'aria-hidden': 'true', text: `${place}.` }) : null,
    optionBadge(i),
    h('span', { class: 'visually-hidden' }, `${place != null ? `${place}. ` : ''}${optionName(i)}${text ? ',' : ''} `),
    text ? h('span', { class: 'chip-text wrap', text }) : null,
    verdict ? markOf(verdict) : null);
}

/** ✓ right / ✗ wrong, spoken as a word. */
export function markOf(verdict) {
  const right = verdict === 'right';
  return h('span', { class: `chip-mark mark-${right ? 'right' : 'wrong'}` },
    h('span', { 'aria-hidden': 'true' }, right ? '✓' : '✗'),
    h('span', { class: 'visually-hidden' }, right ? ' right' : ' wrong'));
}

/**
 * An answer as chips: `answer` is an `answer` message (or a solution in the same shape); `marks(i, place)` may say
 * whether each part is 'right' or 'wrong'. Orders are numbered lists; a number is one line with its unit.
 */
export function answerChips(answer, options, { unit = null, marks = null, testId = null } = {}) {
  if (typeof answer?.value === 'number') {
    return h('p', { class: 'answer-value', 'data-testid': testId },
      h('span', { class: 'value-number', text: formatValue(answer.value) }),
      unit ? ` ${unit}` : '',
      answer.tolerance ? ` (± ${formatValue(answer.tolerance)})` : '',
      marks ? [' ', markOf(marks(0, null))] : null);
  }
  if (answer?.order) {
    return h('ol', { class: 'answer-chips ordered', role: 'list', 'data-testid': testId },
      answer.order.map((i, p) => optionChip(i, options, marks?.(i, p), p + 1)));
  }
  return h('ul', { class: 'answer-chips', role: 'list', 'data-testid': testId },
    answerOptions(answer).map((i) => optionChip(i, options, marks?.(i, null))));
}
