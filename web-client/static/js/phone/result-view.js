// After a question, at a glance: the whole screen green (right), red (wrong) or amber (partly right), always with
// an icon and a word; the player's own answer beside the right one, each part marked; points, streak, total, rank,
// who is just ahead, the explanation; in a team game also the team's rank and total.
import { h, fill, setText, setHidden, teamBadge, screenView, changeCheck } from '../shared/dom.js';
import { ordinal, points, formatNumber } from '../shared/present.js';
import { teamColour } from '../shared/teams.js';
import { verdict, aheadParts } from './words.js';
import { answerChips } from './answer-view.js';

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

const ICONS = { correct: '✓', partial: '◐', wrong: '✗', none: '–', poll: '✓' };

/** The right answer in the shape of an `answer` message, for the same chips; null for a poll. */
function solutionAnswer(r) {
  const sol = r.solution ?? {};
  if (r.questionType === 'numeric' && sol.value != null) return { value: sol.value, tolerance: sol.tolerance };
  if (r.questionType === 'order' && sol.order) return { order: sol.order };
  if (sol.correct?.length) return { options: sol.correct };
  return null;
}

/** Whether each part of the player's answer is right: an option picked, an item in its place, the number. */
function marksFor(r, right) {
  if (!right || r.questionType === 'poll') return null;
  if (right.order) return (i, place) => (right.order[place] === i ? 'right' : 'wrong');
  if (right.options) return (i) => (right.options.includes(i) ? 'right' : 'wrong');
  return () => (r.correct ? 'right' : 'wrong');
}

/** Sets the page's colour for the verdict (the body, so that the whole screen turns); the views stay pure of it. */
function paint(kind) {
  if (document.body.dataset.verdict !== kind) document.body.dataset.verdict = kind;
}

export function mountResult(root) {
  const icon = h('span', { class: 'verdict-icon', 'aria-hidden': 'true' });
  const headline = h('span', { 'data-testid': 'verdict' });
  const title = h('h1', { class: 'verdict', tabindex: -1 }, icon, ' ', headline);
  const gained = h('p', { class: 'gained-big', 'data-testid': 'result-points' });
  const bonus = h('p', { class: 'bonus', 'data-testid': 'bonus' });
  const streak = h('p', { class: 'streak', 'data-testid': 'streak' });
  const yours = h('div', { class: 'answer-block', 'data-testid': 'your-answer' });
  const right = h('div', { class: 'answer-block', 'data-testid': 'right-answer' });
  const total = h('strong', { 'data-testid': 'total' });
  const rank = h('strong', { 'data-testid': 'rank' });
  const aheadText = h('span');
  const aheadName = h('bdi', { class: 'name' });
  const ahead = h('p', { class: 'ahead wrap', 'data-testid': 'ahead' }, aheadText, aheadName);
  const whyText = h('span', { 'data-testid': 'option-explanation' });
  const why = h('p', { class: 'why wrap' }, h('strong', {}, 'About your answer: '), whyText);
  const explanation = h('p', { class: 'explanation wrap', 'data-testid': 'phone-explanation' });
  const team = h('div', { class: 'team-result', hidden: true, 'data-testid': 'team-result' });
  const el = h('section', { class: 'screen screen-result', 'data-testid': 'screen-result' },
    h('div', { class: 'verdict-band' }, title, gained, bonus, streak),
    h('div', { class: 'compare', 'data-testid': 'compare' }, yours, right),
    h('div', { class: 'standing' },
      h('dl', { class: 'facts' },
        h('div', {}, h('dt', {}, 'Total'), h('dd', {}, total)),
        h('div', {}, h('dt', {}, 'Rank'), h('dd', {}, rank))),
      ahead),
    team, why, explanation);
  root.append(el);
  const compareChanged = changeCheck();
  const teamChanged = changeCheck();
  return screenView(el, 'result', () => title.focus(), (r, state) => {
    const v = verdict(r);
    el.dataset.verdict = v.kind;
    paint(v.kind);
    setText(icon, ICONS[v.kind]);
    setText(headline, v.text);
    setText(gained, `+${points(r.points)}`);
    setText(bonus, r.bonus > 0 ? `including a streak bonus of ${formatNumber(r.bonus)}` : '');
    setHidden(bonus, !(r.bonus > 0));
    setText(streak, r.streak > 1 ? `Streak: ${r.streak} right in a row` : '');
    setHidden(streak, !(r.streak > 1));
    setText(total, points(r.score));
    setText(rank, `${ordinal(r.rank)} of ${r.playerCount}`);
    const a = aheadParts(r);
    setText(aheadText, a.text);
    setText(aheadName, a.name);
    setHidden(ahead, !a.text);

    // The texts come from the question if the phone still has it, else from those kept with the answer.
    const q = state.question && state.question.index === r.index ? state.question : null;
    const mine = state.mine?.answer.question === r.index ? state.mine : null;
    const options = q?.options ?? mine?.options ?? null;
    const unit = q?.unit ?? null;
    if (compareChanged([r.index, r.solution, r.correct, mine, options, unit, r.answered])) {
      const rightAnswer = solutionAnswer(r);
      const poll = r.questionType === 'poll';
      fill(yours, h('h2', {}, poll ? 'Your vote' : 'Your answer'),
        mine ? answerChips(mine.answer, options, { unit, marks: marksFor(r, rightAnswer), testId: 'your-answer-chips' })
          : h('p', { class: 'no-answer' }, r.answered ? 'Your answer was counted.' : 'You did not answer.'));
      fill(right, rightAnswer ? [h('h2', {}, r.questionType === 'order' ? 'Right order' : 'Right answer'),
        answerChips(rightAnswer, options, { unit, testId: 'right-answer-chips' })] : []);
      // A fully right answer is the right one: no need to say it twice.
      setHidden(right, !rightAnswer || (r.correct && !!mine));
    }
    if (teamChanged([r.team, r.teamCount])) {
      teamStandingBox(team, r.team, r.teamCount, true);
    }
    setHidden(team, !r.team);
    setText(whyText, r.optionExplanation ?? '');
    setHidden(why, !r.optionExplanation);
    setText(explanation, r.explanation ?? '');
    setHidden(explanation, !r.explanation);
  });
}
