// The reveal: the right answer marked, how the class answered, the explanation.
import { h, fill, setText, setHidden, optionBadge, optionName } from '../shared/dom.js';
import { formatNumber, formatValue } from '../shared/present.js';
import { choiceBars, orderRows, numericBars, commonMistake } from './charts.js';
import { questionHeading } from './question-view.js';
import { mountGameControls } from './controls.js';
import { mountPicture } from '../shared/picture.js';

function bar(share, correct) {
  return h('span', { class: 'bar', 'aria-hidden': 'true' },
    h('span', { class: `bar-fill${correct ? ' right' : ''}`, style: `width:${Math.round(share * 100)}%` }));
}

function rightMark(correct) {
  return correct ? h('span', { class: 'mark-right', 'data-testid': 'right-mark' }, '✓', h('span', { class: 'right-word' }, ' right')) : null;
}

function choiceChart(reveal, options) {
  const bars = choiceBars(reveal, options);
  return h('ol', { class: 'chart choice-chart', 'data-testid': 'chart', 'data-count': bars.length },
    bars.map((b) =>
      h('li', { class: `chart-row${b.correct ? ' is-right' : ''}`, 'data-testid': 'chart-row', 'data-correct': String(b.correct) },
        optionBadge(b.index),
        h('span', { class: 'visually-hidden' }, `${optionName(b.index)}: `),
        h('span', { class: 'row-text wrap', text: b.text ?? '' }),
        bar(b.share, b.correct),
        h('span', { class: 'row-count', 'data-testid': 'count', text: formatNumber(b.count) }),
        rightMark(b.correct))));
}

function orderChart(reveal, options) {
  return h('div', {},
    h('p', { class: 'chart-caption' }, 'The right order, and how many placed each item right'),
    h('ol', { class: 'chart order-chart', 'data-testid': 'chart' },
      orderRows(reveal, options).map((r) =>
        h('li', { class: 'chart-row', 'data-testid': 'chart-row' },
          h('span', { class: 'place', text: `${r.place}.` }),
          optionBadge(r.index),
          h('span', { class: 'row-text wrap', text: r.text ?? '' }),
          bar(r.share, true),
          h('span', { class: 'row-count', 'data-testid': 'count', text: formatNumber(r.count) },
            h('span', { class: 'visually-hidden' }, ' placed it right'))))));
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
  const prompt = h('h2', { class: 'prompt small wrap', 'data-testid': 'reveal-prompt' });
  const chart = h('div', { class: 'chart-box' });
  const picture = mountPicture('reveal-picture', 'reveal-image');
  const explanation = h('p', { class: 'explanation wrap', 'data-testid': 'explanation' });
  const mistake = h('p', { class: 'mistake wrap', hidden: true, 'data-testid': 'mistake' });
  const controls = mountGameControls(actions);
  const el = h('section', { class: 'screen screen-reveal', id: 'screen-reveal', 'data-testid': 'screen-reveal' },
    h('div', { class: 'q-top' }, heading, summary),
    prompt, chart,
    h('div', { class: 'explain-box' }, picture.el, explanation, mistake),
    controls.el);
  root.append(el);

  let key = null;
  return {
    el,
    focus: () => controls.focus(),
    update(state) {
      const r = state.reveal;
      if (!r) return;
      // After a reload the server sends the reveal without the question: use the one kept in storage if it matches.
      const q = state.question && state.question.index === r.index ? state.question : null;
      const count = q?.count ?? state.leaderboard?.count;
      setText(heading, count ? `${questionHeading({ index: r.index, count })}: the answer` : `Question ${r.index + 1}: the answer`);
      setText(prompt, q?.prompt ?? '');
      picture.update(r.image);
      const right = r.questionType === 'poll' ? '' : ` · ${r.stats?.correctCount ?? 0} right`;
      setText(summary, `${r.answered} of ${r.total} answered${right}`);
      const k = JSON.stringify([r, q?.options]);
      if (k !== key) {
        key = k;
        const options = q?.options ?? null;
        fill(chart, r.questionType === 'numeric' ? numericChart(r, q?.unit)
          : r.questionType === 'order' ? orderChart(r, options)
            : choiceChart(r, options),
        r.questionType === 'poll' ? h('p', { class: 'hint' }, 'A poll has no right answer.') : null);
        const m = commonMistake(r, options);
        setHidden(mistake, !m);
        fill(mistake, m ? [h('strong', {}, `Most chosen wrong answer, ${m.letter}: `), m.explanation] : []);
      }
      setText(explanation, r.explanation ?? '');
      setHidden(explanation, !r.explanation);
      controls.update(state);
    },
  };
}
