// What the phone says in words: a result's headline, who is just ahead, an answer sent, the team's standing, and
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

/**
 * Who is just ahead, as words and the name apart ("120 points behind " + "Alice"), so that a view can isolate the
 * name; or a word for the leader, with no name.
 */
export function aheadParts(result) {
  if (result.rank === 1) return { text: result.playerCount > 1 ? 'You are in the lead' : 'You are the only player', name: '' };
  if (!result.ahead) return { text: '', name: '' };
  if (result.ahead.gap === 0) return { text: 'Level with ', name: result.ahead.name };
  return { text: `${points(result.ahead.gap)} behind `, name: result.ahead.name };
}

/** An option as words: "B, Kamenev", or "B" when the phone has no texts. */
export function optionWords(i, options) {
  const text = options?.[i];
  return text ? `${mark(i).letter}, ${text}` : mark(i).letter;
}

/** The displayed options an `answer` message names, in its order (a number answer names none). */
export function answerOptions(answer) {
  if (!answer) return [];
  if (Number.isInteger(answer.option)) return [answer.option];
  return answer.options ?? answer.order ?? [];
}

/** A sent answer in words: "B, Kamenev"; "A, 2 and C, 11"; "1. C, Mercury; 2. A, Venus"; "1989 years". */
export function answerWords(answer, options, unit = null) {
  if (!answer) return '';
  if (typeof answer.value === 'number') return unit ? `${formatValue(answer.value)} ${unit}` : formatValue(answer.value);
  if (answer.order) return answer.order.map((i, place) => `${place + 1}. ${optionWords(i, options)}`).join('; ');
  const words = answerOptions(answer).map((i) => optionWords(i, options));
  return words.length > 1 ? `${words.slice(0, -1).join('; ')} and ${words.at(-1)}` : words[0] ?? '';
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
    if (after.answered && !before.answered) {
      const mine = after.mine?.answer.question === q.index ? answerWords(after.mine.answer, after.mine.options, q.unit) : '';
      return mine ? `Answer sent: ${mine}.` : 'Answer sent.';
    }
    const moved = after.draft?.moved;
    if (q.type === 'order' && moved != null && after.draft !== before.draft) {
      const place = after.draft.picks.indexOf(moved);
      return `${optionWords(moved, q.options)}: moved to place ${place + 1} of ${q.optionCount}.`;
    }
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
