// After a question: right or wrong, points won, streak, total, rank, who is just ahead, the explanation; in a team
// game also the team's rank and total.
import { h, fill, setText, setHidden, teamBadge } from '../shared/dom.js';
import { ordinal, points, formatNumber } from '../shared/present.js';
import { teamColour } from '../shared/teams.js';
import { verdict, aheadText, solutionText } from './words.js';

/** The team's standing on the result and final screens: its badge, rank of how many, total and last gain. */
export function teamStandingBox(box, team, teamCount, withGain) {
  if (!team) {
    fill(box);
    return;
  }
  const t = { ...team, colour: teamColour(team.colour) };
  fill(box, h('p', { class: 'team-line' }, h('span', { class: 'hint' }, 'Your team '), teamBadge(t)),
    h('dl', { class: 'facts' },
      h('div', {}, h('dt', {}, 'Team rank'), h('dd', { 'data-testid': 'team-rank', text: t.rank > 0 ? `${ordinal(t.rank)} of ${teamCount}` : '–' })),
      h('div', {}, h('dt', {}, 'Team total'), h('dd', { 'data-testid': 'team-total', text: points(t.score) }))),
    withGain ? h('p', { class: 'hint', 'data-testid': 'team-gained' }, `+${formatNumber(t.gained)} for the team this question (your team’s average)`) : null);
}

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
  const team = h('div', { class: 'team-result', hidden: true, 'data-testid': 'team-result' });
  const el = h('section', { class: 'screen screen-result', 'data-testid': 'screen-result' },
    title, gained, bonus, streak,
    h('dl', { class: 'facts' },
      h('div', {}, h('dt', {}, 'Total'), h('dd', {}, total)),
      h('div', {}, h('dt', {}, 'Rank'), h('dd', {}, rank))),
    ahead, team, solution, why, explanation);
  root.append(el);
  let shownSolution = null;
  let teamKey = null;
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
      const tk = JSON.stringify([r.team, r.teamCount]);
      if (tk !== teamKey) {
        teamKey = tk;
        teamStandingBox(team, r.team, r.teamCount, true);
      }
      setHidden(team, !r.team);
      setText(whyText, r.optionExplanation ?? '');
      setHidden(why, !r.optionExplanation);
      setText(explanation, r.explanation ?? '');
      setHidden(explanation, !r.explanation);
    },
  };
}
