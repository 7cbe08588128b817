// The reveal: the right answer marked, how the class answered, the explanation. Its text is set no smaller than
// the question's: the options keep their tiles' size, with each one's count and bar in its tile, and the
// explanation is as large as the options.
import { h, fill, setText, setHidden, optionBadge, optionName, screenView, changeCheck } from '../shared/dom.js';
import { formatNumber, formatValue } from '../shared/present.js';
import { choiceBars, orderRows, numericBars, commonMistake, explainColumns } from './charts.js';
import { questionHeading } from './question-view.js';
import { mountGameControls } from './controls.js';
import { mountPicture } from '../shared/picture.js';
import { fitScreen } from './fit.js';

function bar(share, correct) {
  return h('span', { class: 'bar', 'aria-hidden': 'true' },
    h('span', { class: `bar-fill${correct ? ' right' : ''}`, style: `width:${Math.round(share * 100)}%` }));
}

function rightMark(correct) {
  // The tick, the border and the words for screen readers say it, not the colour alone.
  return correct ? h('span', { class: 'mark-right', 'data-testid': 'right-mark' }, '✓', h('span', { class: 'visually-hidden' }, ' right')) : null;
}

/**
 * One option as it was tiled: its mark and words over the tile's whole width, its count (and the tick when right) in
 * the top corner, and its bar along the foot.
 */
function chartRow(props, lead, index, text, side, share, right) {
  return h('li', { class: 'chart-row', 'data-testid': 'chart-row', ...props },
    h('span', { class: 'row-main wrap' }, lead, optionBadge(index),
      h('span', { class: 'visually-hidden' }, `${optionName(index)}: `),
      h('span', { class: 'row-text', text: text ?? '' })),
    h('span', { class: 'row-side' }, side),
    bar(share, right));
}

function choiceChart(reveal, options) {
  const bars = choiceBars(reveal, options);
  const poll = reveal.questionType === 'poll' ? ' poll' : '';
  return h('ol', { class: `chart choice-chart${poll}`, 'data-testid': 'chart', 'data-count': bars.length },
    bars.map((b) => chartRow({ class: `chart-row${b.correct ? ' is-right' : ''}`, 'data-correct': String(b.correct) },
      null, b.index, b.text,
      [h('span', { class: 'row-count', 'data-testid': 'count', text: formatNumber(b.count) }), rightMark(b.correct)],
      b.share, b.correct)));
}

function orderChart(reveal, options) {
  const rows = orderRows(reveal, options);
  return h('div', { class: 'order-box' },
    h('p', { class: 'chart-caption' }, 'The right order, and how many placed each item right'),
    h('ol', { class: 'chart order-chart', 'data-testid': 'chart', 'data-count': rows.length },
      rows.map((r) => chartRow({}, h('span', { class: 'place', text: `${r.place}.` }), r.index, r.text,
        h('span', { class: 'row-count', 'data-testid': 'count', text: formatNumber(r.count) },
          h('span', { class: 'visually-hidden' }, ' placed it right')), r.share, true))));
}

function numericChart(reveal, unit) {
  const sol = reveal.solution ?? {};
  const answer = `${formatValue(sol.value)}${sol.tolerance ? ` (± ${formatValue(sol.tolerance)})` : ''}${unit ? ` ${unit}` : ''}`;
  const bars = numericBars(reveal.stats?.values, sol);
  return h('div', { class: 'numeric-chart' },
    h('p', { class: 'numeric-answer', 'data-testid': 'numeric-answer' }, 'Answer: ', h('strong', { text: answer })),
    bars.length === 0 ? h('p', { class: 'hint' }, 'Nobody answered.') :
      h('ol', { class: 'histogram', 'data-testid': 'chart', 'aria-label': 'Numbers given' },
        bars.map((b) => h('li', { class: `histo-bar${b.correct ? ' is-right' : ''}`, 'data-testid': 'chart-row', 'data-correct': String(b.correct) },
          h('span', { class: 'histo-count', 'data-testid': 'count', text: formatNumber(b.count) }),
          h('span', { class: 'histo-column', style: `height:${Math.max(4, Math.round(b.share * 100))}%` }),
          h('span', { class: 'histo-label', text: b.label }),
          b.correct ? h('span', { class: 'mark-right' }, '✓') : null))));
}

export function mountReveal(root, actions) {
  const heading = h('h1', { class: 'q-number', tabindex: -1, 'data-testid': 'reveal-heading' });
  const summary = h('p', { class: 'reveal-summary', 'data-testid': 'reveal-summary' });
  const prompt = h('h2', { class: 'prompt wrap', 'data-testid': 'reveal-prompt' });
  const chart = h('div', { class: 'chart-box' });
  const picture = mountPicture('reveal-picture', 'reveal-image');
  const explanation = h('p', { class: 'explanation wrap', 'data-testid': 'explanation' });
  const mistake = h('p', { class: 'mistake wrap', hidden: true, 'data-testid': 'mistake' });
  const explainBox = h('div', { class: 'explain-box' }, explanation, mistake);
  const controls = mountGameControls(actions);
  const el = h('section', { class: 'screen screen-reveal', id: 'screen-reveal', 'data-testid': 'screen-reveal' },
    h('div', { class: 'q-top' }, heading, summary),
    prompt, chart,
    picture.el, explainBox,
    controls.el);
  root.append(el);

  const chartChanged = changeCheck();
  const fitChanged = changeCheck();
  return screenView(el, 'reveal', () => controls.focus(), (r, state) => {
    // After a reload the server sends the reveal without the question: use the one kept in storage if it matches.
    const q = state.question && state.question.index === r.index ? state.question : null;
    const count = q?.count ?? state.leaderboard?.count;
    setText(heading, count ? `${questionHeading({ index: r.index, count })}: the answer` : `Question ${r.index + 1}: the answer`);
    setText(prompt, q?.prompt ?? '');
    picture.update(r.image);
    setHidden(prompt, !q?.prompt);
    const right = r.questionType === 'poll' ? '' : ` · ${r.stats?.correctCount ?? 0} right`;
    setText(summary, `${r.answered} of ${r.total} answered${right}`);
    const shown = [r, q?.options];
    if (chartChanged(shown)) {
      const options = q?.options ?? null;
      fill(chart, r.questionType === 'numeric' ? numericChart(r, q?.unit)
        : r.questionType === 'order' ? orderChart(r, options)
          : choiceChart(r, options),
      r.questionType === 'poll' ? h('p', { class: 'hint' }, 'A poll has no right answer.') : null);
      const m = commonMistake(r, options);
      setHidden(mistake, !m);
      const lead = m ? `Most chosen wrong answer, ${m.letter}: ` : '';
      fill(mistake, m ? [h('strong', {}, lead), m.explanation] : []);
      // Side by side, each as wide as its share of the words, so that neither runs much longer than the other.
      explainBox.style.gridTemplateColumns = m && r.explanation
        ? explainColumns(r.explanation.length, lead.length + m.explanation.length) : '';
    }
    setText(explanation, r.explanation ?? '');
    setHidden(explanation, !r.explanation);
    controls.update(state);
    if (!el.hidden && fitChanged([shown, q?.prompt, innerWidth, innerHeight])) {
      fitScreen(el);
    }
  });
}
