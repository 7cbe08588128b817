// After a question: right or wrong, points won, streak, total, rank, who is just ahead, the explanation.
import { h, fill, setText, setHidden } from '../dom.js';
import { verdict, aheadText, solutionText, ordinal, points, formatNumber } from '../present.js';

export function mountResult(root) {
  const icon = h('span', { class: 'verdict-icon', 'aria-hidden': 'true' });
  const headline = h('span', { 'data-testid': 'verdict' });
  const title = h('h1', { class: 'verdict', tabindex: -1 }, icon, ' ', headline);
  const gained = h('p', { class: 'gained-big', 'data-testid': 'result-points' });
  const bonus = h('p', { class: 'hint', 'data-testid': 'bonus' });
  const streak = h('p', { class: 'streak', 'data-testid': 'streak' });
  const total = h('strong', { 'data-testid': 'total' });
  const rank = h('strong', { 'data-testid': 'rank' });
  const ahead = h('p', { class: 'ahead wrap', 'data-testid': 'ahead' });
  const solution = h('p', { class: 'solution wrap', 'data-testid': 'solution' });
  const whyText = h('span', { 'data-testid': 'option-explanation' });
  const why = h('p', { class: 'why wrap' }, h('strong', {}, 'About your answer: '), whyText);
  const explanation = h('p', { class: 'explanation wrap', 'data-testid': 'phone-explanation' });
  const el = h('section', { class: 'screen screen-result', 'data-testid': 'screen-result' },
    title, gained, bonus, streak,
    h('dl', { class: 'facts' },
      h('div', {}, h('dt', {}, 'Total'), h('dd', {}, total)),
      h('div', {}, h('dt', {}, 'Rank'), h('dd', {}, rank))),
    ahead, solution, why, explanation);
  root.append(el);
  let shownSolution = null;
  return {
    el,
    focus: () => title.focus(),
    update(state) {
      const r = state.result;
      if (!r) return;
      const v = verdict(r);
      el.dataset.verdict = v.kind;
      setText(icon, { correct: '✓', partial: '◐', wrong: '✗', none: '–', poll: '✓' }[v.kind]);
      setText(headline, v.text);
      setText(gained, `+${points(r.points)}`);
      setText(bonus, r.bonus > 0 ? `including a streak bonus of ${formatNumber(r.bonus)}` : '');
      setHidden(bonus, !(r.bonus > 0));
      setText(streak, r.streak > 1 ? `Streak: ${r.streak} right in a row` : '');
      setHidden(streak, !(r.streak > 1));
      setText(total, points(r.score));
      setText(rank, `${ordinal(r.rank)} of ${r.playerCount}`);
      setText(ahead, aheadText(r));
      const q = state.question && state.question.index === r.index ? state.question : null;
      const sol = solutionText(r, q?.options);
      const solKey = JSON.stringify(sol);
      if (solKey !== shownSolution) {
        shownSolution = solKey;
        fill(solution, Array.isArray(sol)
          ? [h('strong', {}, 'Right order:'), h('ol', {}, sol.map((item) => h('li', { text: item })))]
          : [h('strong', {}, 'Right answer: '), sol ?? '']);
      }
      setHidden(solution, !sol);
      setText(whyText, r.optionExplanation ?? '');
      setHidden(why, !r.optionExplanation);
      setText(explanation, r.explanation ?? '');
      setHidden(explanation, !r.explanation);
    },
  };
}
