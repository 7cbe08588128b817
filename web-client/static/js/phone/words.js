// What the phone says in words: a result's headline, who is just ahead, the right answer, the team's standing, and
// what the live region announces when the state changes. No DOM.
import { mark, ordinal, points, formatValue } from '../shared/present.js';

/** The headline of a phone's result screen. */
export function verdict(result) {
  if (result.questionType === 'poll') return { kind: 'poll', text: result.answered ? 'Vote counted' : 'No vote' };
  if (!result.answered) return { kind: 'none', text: 'No answer' };
  if (result.correct) return { kind: 'correct', text: 'Correct' };
  if (result.credit > 0) return { kind: 'partial', text: 'Partly right' };
  return { kind: 'wrong', text: 'Wrong' };
}

/** "Behind Alice by 120 points", or a word for the leader. */
export function aheadText(result) {
  if (result.rank === 1) return result.playerCount > 1 ? 'You are in the lead' : 'You are the only player';
  if (!result.ahead) return '';
  if (result.ahead.gap === 0) return `Level with ${result.ahead.name}`;
  return `${points(result.ahead.gap)} behind ${result.ahead.name}`;
}

/** The right answer in words for the phone (letters when the teacher hides text on phones); a list for ordering. */
export function solutionText(result, options) {
  const sol = result.solution ?? {};
  const label = (i) => (options?.[i] ? `${mark(i).letter}: ${options[i]}` : mark(i).letter);
  if (result.questionType === 'numeric' && sol.value != null) {
    return sol.tolerance ? `${formatValue(sol.value)} (± ${formatValue(sol.tolerance)})` : formatValue(sol.value);
  }
  if (result.questionType === 'order' && sol.order) return sol.order.map(label);
  if (sol.correct && sol.correct.length) return sol.correct.map(label).join(', ');
  return null;
}

/** A phone's line about its team after a question or at the end: "Red team: 2nd of 3 with 1,029 points". */
export function teamStandingText(team, teamCount) {
  if (!team) return '';
  const place = team.rank > 0 ? `${ordinal(team.rank)} of ${teamCount}` : `not ranked yet`;
  return `${team.name}: ${place} with ${points(team.score)}`;
}

/** What the phone's live region says when the state changes, or null for nothing new. */
export function phoneAnnouncement(before, after) {
  const q = after.question;
  if (after.screen === 'question' && q) {
    const fresh = before.screen !== 'question' || before.question?.index !== q.index;
    if (fresh) return `Question ${q.index + 1} of ${q.count}${q.phase === 'answering' ? '. Answer now.' : '. Get ready.'}`;
    if (q.phase === 'answering' && before.question?.phase !== 'answering') return 'Answer now.';
    if (after.answered && !before.answered) return 'Answer sent.';
    if (q.paused !== !!before.question?.paused) return q.paused ? 'The game is paused.' : 'The game goes on.';
  }
  if (after.screen === 'result' && after.result && after.result !== before.result) {
    const r = after.result;
    const v = verdict(r);
    const team = r.team ? ` Your team, ${teamStandingText(r.team, r.teamCount)}.` : '';
    return `${v.text}. ${r.points > 0 ? `Plus ${points(r.points)}. ` : ''}Total ${points(r.score)}. ${ordinal(r.rank)} of ${r.playerCount}.${team}`;
  }
  if (after.screen === 'final' && after.final && after.final !== before.final && after.final.you) {
    const y = after.final.you;
    return `Game over. You finished ${ordinal(y.rank)} of ${after.final.playerCount} with ${points(y.score)}.`;
  }
  if (after.screen === 'question' && q && q.phase === 'talk' && before.question?.phase !== 'talk') {
    return `Team talk: discuss with your team. Answers open in ${Math.round(q.remainingMs / 1000)} seconds.`;
  }
  if (after.screen === 'lobby' && before.screen !== 'lobby') {
    return `You're in, ${after.name}.${after.team ? ` You are in the ${after.team.name}.` : ''}`;
  }
  if (after.screen === 'team' && before.screen !== 'team') return 'Choose your team.';
  if (after.team && before.team && after.team.id !== before.team.id) return `You are now in the ${after.team.name}.`;
  if (after.screen === 'kicked' && before.screen !== 'kicked') return 'The teacher removed you from the game.';
  return null;
}
