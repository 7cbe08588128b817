// Pure pictures of the reports: the list of past games in words, and one game's report (answer bars, right answers,
// the hardest questions, each student's answers). No DOM, no fetch, no clock.
import { mark, formatNumber, formatValue } from '../shared/present.js';
import { validGames, reportLink } from '../shared/games.js';

const STATUS = {
  lobby: { word: 'Not started', detail: 'The game never left the lobby.' },
  running: { word: 'Running', detail: 'The game is still being played.' },
  finished: { word: 'Finished', detail: 'The game reached its end.' },
  interrupted: { word: 'Interrupted', detail: 'The server stopped before the podium; results are kept up to that point.' },
};

export function statusText(status) {
  return STATUS[status] ?? { word: status ?? 'Unknown', detail: '' };
}

/**
 * How a game ended, in words: `kind` is its status, or 'ended' for a game the teacher ended before its last question
 * and 'unplayed' for one closed in the lobby (both stored as finished). `shown` (questions shown) makes the words
 * say how far it went.
 */
export function gameStatus(game, shown) {
  if (game?.status === 'finished' && game.startedAt == null) {
    return { kind: 'unplayed', word: 'Not played', detail: 'The game was closed in the lobby, before any question.' };
  }
  if (game?.status === 'finished' && game.endedEarly) {
    const far = shown == null ? '' : ` after ${shown} of ${game.questionCount} ${game.questionCount === 1 ? 'question' : 'questions'}`;
    return { kind: 'ended', word: `Ended early${far}`, detail: 'The teacher ended the game; the results go up to there.' };
  }
  return { kind: game?.status, ...statusText(game?.status) };
}

/** A date and time in words, in the browser's time zone (or the one given, for tests). */
export function formatDate(ms, timeZone) {
  if (ms == null) return '';
  return new Date(ms).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit',
    minute: '2-digit', timeZone });
}

/** How long the game ran, "12 min" or "45 s"; '' when it has not both started and ended. */
export function duration(startedAt, endedAt) {
  if (startedAt == null || endedAt == null || endedAt < startedAt) return '';
  const s = Math.round((endedAt - startedAt) / 1000);
  return s < 60 ? `${s} s` : `${Math.round(s / 60)} min`;
}

/** "3.4 s" for a response time; '' when there is none. */
export function seconds(ms) {
  if (ms == null || !Number.isFinite(ms)) return '';
  return `${(ms / 1000).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;
}

export function percent(p) {
  if (p == null || !Number.isFinite(p)) return '';
  return `${p.toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;
}

/** "3 results could not be saved" when the store lost some writes; null when nothing was lost. */
export function unsavedText(count) {
  if (!count || count <= 0) return null;
  return `${formatNumber(count)} ${count === 1 ? 'result' : 'results'} could not be saved.`;
}

/**
 * "Handed over to server node-1 at 14:03: …" when the server running the game was shut down and handed it over
 * (the report's `takenOverCause` is `planned`), "Taken over by server node-1 at 14:03: …" when it stopped and
 * another server of the cluster carried the game on (any other cause, or none: a report from before the cause was
 * recorded), from `takenOverBy` and `takenOverAt`; null for a game one server ran throughout.
 */
export function takenOverText(game, timeZone) {
  if (!game?.takenOverBy) return null;
  const at = game.takenOverAt == null ? '' : ` at ${new Date(game.takenOverAt).toLocaleTimeString('en-GB',
    { hour: '2-digit', minute: '2-digit', timeZone })}`;
  if (game.takenOverCause === 'planned') {
    return `Handed over to server ${game.takenOverBy}${at}: the server running the game was shut down and handed `
      + 'it over; answers already saved were kept.';
  }
  return `Taken over by server ${game.takenOverBy}${at}: the server running the game stopped and another carried it on; `
    + 'answers already saved were kept.';
}

/**
 * The list of past games as rows for the table: newest first, each with its status in words, and the bank title
 * from the list the browser kept when the server's summary has none.
 */
export function gameRows(summaries, kept = [], timeZone) {
  const byId = new Map(validGames(kept).map((g) => [String(g.gameId), g]));
  return [...(summaries ?? [])]
    .sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0) || b.id - a.id)
    .map((g) => ({
      id: String(g.id),
      bank: g.bankTitle ?? byId.get(String(g.id))?.bank ?? g.bankId ?? '',
      date: formatDate(g.createdAt, timeZone),
      players: g.playerCount ?? 0,
      questions: g.questionCount ?? 0,
      status: gameStatus(g).kind,
      statusWord: gameStatus(g).word,
      unsaved: unsavedText(g.unsavedCount),
      pin: g.pin,
      link: reportLink(g.id),
    }));
}

const TYPE_WORDS = {
  single: 'One answer', multi: 'Several answers', truefalse: 'True or false', order: 'Ordering', numeric: 'Number',
  poll: 'Poll',
};

export function typeWord(type) {
  return TYPE_WORDS[type] ?? type;
}

const SKILL_WORDS = {
  recall: 'Recall', chronology: 'Chronology', causation: 'Causation', significance: 'Significance',
  historiography: 'Historians’ views',
};

/** The kind of thinking a question tests, as a teacher reads it; null when the bank does not say. */
export function skillWord(skill) {
  return skill ? SKILL_WORDS[skill] ?? skill : null;
}

/**
 * The class's share of right answers by kind of thinking (polls and questions nobody answered left out), in the
 * order recall, chronology, causation, significance, historians' views: which kind of question the class got wrong.
 */
export function skillSummary(questions) {
  const groups = new Map();
  for (const q of questions) {
    if (!q.skill || q.type === 'poll' || q.percentCorrect == null) continue;
    const g = groups.get(q.skill) ?? { skill: q.skill, label: skillWord(q.skill), questions: 0, sum: 0 };
    g.questions += 1;
    g.sum += q.percentCorrect;
    groups.set(q.skill, g);
  }
  return Object.keys(SKILL_WORDS).filter((k) => groups.has(k)).map((k) => {
    const g = groups.get(k);
    return { skill: g.skill, label: g.label, questions: g.questions, percentCorrect: g.sum / g.questions };
  });
}

/**
 * The bars of a question's answer distribution, each marked `correct` for the right answer(s).
 * Choice questions use the server's per-option counts; ordering and numeric questions, whose counts say nothing of
 * what was given, are grouped by the answers the players gave (most frequent first, at most `maxBars`).
 */
export function answerBars(question, players = [], maxBars = 8) {
  const type = question.type;
  if (['single', 'multi', 'truefalse', 'poll'].includes(type) && question.counts?.length) {
    const right = new Set(question.solution?.correct ?? []);
    const max = Math.max(1, ...question.counts);
    return question.counts.map((count, i) => ({
      ...mark(i), index: i, text: question.options?.[i] ?? '', count, share: count / max,
      correct: type !== 'poll' && right.has(i),
    }));
  }
  const groups = new Map();
  for (const p of players) {
    const a = p.answers?.find((x) => x.question === question.index);
    if (!a || a.answer == null) continue;
    const g = groups.get(a.answer) ?? { text: a.answer, count: 0, correct: false };
    g.count++;
    g.correct = g.correct || !!a.correct;
    groups.set(a.answer, g);
  }
  const sorted = [...groups.values()].sort((a, b) => b.count - a.count || (b.correct - a.correct) || a.text.localeCompare(b.text));
  const shown = sorted.slice(0, maxBars);
  const rest = sorted.slice(maxBars);
  if (rest.length > 0) {
    shown.push({ text: `${rest.length} other ${rest.length === 1 ? 'answer' : 'answers'}`, count: rest.reduce((n, g) => n + g.count, 0),
      correct: false, other: true });
  }
  const max = Math.max(1, ...shown.map((b) => b.count));
  return shown.map((b, i) => ({ ...b, index: i, letter: null, shape: null, share: b.count / max }));
}

/** The right answer of a question in words, from its solution and options. */
export function rightAnswerText(question) {
  const sol = question.solution ?? {};
  const opts = question.options ?? [];
  if (question.type === 'poll') return null;
  if (question.type === 'numeric' && sol.value != null) {
    const v = formatValue(sol.value);
    return sol.tolerance ? `${v} (± ${formatValue(sol.tolerance)})` : v;
  }
  if (question.type === 'order' && sol.order) return sol.order.map((i) => opts[i] ?? '?').join(' → ');
  if (sol.correct) return sol.correct.map((i) => opts[i] ?? mark(i).letter).join('; ');
  return null;
}

/** The (up to three) hardest questions, hardest first: "Q3 (20%)". */
export function hardestQuestions(report) {
  return (report?.questions ?? []).filter((q) => q.hardest)
    .sort((a, b) => (a.percentCorrect ?? 0) - (b.percentCorrect ?? 0) || a.index - b.index);
}

/** How one answer of a student is marked: a symbol and a word, never colour alone. */
export function answerMark(answer, type) {
  if (!answer || answer.answer == null) return { kind: 'none', symbol: '–', word: 'no answer' };
  if (type === 'poll') return { kind: 'poll', symbol: '•', word: 'vote' };
  if (answer.correct) return { kind: 'right', symbol: '✓', word: 'right' };
  if (answer.credit > 0) return { kind: 'partly', symbol: '◐', word: 'partly right' };
  return { kind: 'wrong', symbol: '✗', word: 'wrong' };
}

/** One answer in words, for its cell's tooltip and for screen readers: "Q2, right: Paris · 1,000 pts · 3.4 s". */
export function answerDetail(index, answer, mark) {
  const given = answer?.answer == null ? '' : `: ${answer.answer}`;
  const meta = [answer?.points != null ? `${formatNumber(answer.points)} pts` : null, seconds(answer?.responseMs)]
    .filter(Boolean).join(' · ');
  return `Q${index + 1}, ${mark.word}${given}${meta ? ` · ${meta}` : ''}`;
}

/**
 * The students who may need help: those with under half of the marks available to them, weakest first. Each scored
 * question (polls aside) is worth its points (all the same if every question is worth 0) and a partly right answer
 * its share of them; speed and streak bonuses are left out, so a slow right answer counts in full. Only questions
 * scored while the student was in the game count. With them, the questions most of those students missed (not
 * fully right), most missed first.
 */
export function needsHelp(report) {
  const questions = (report?.questions ?? []).filter((q) => q.type !== 'poll');
  const anyPoints = questions.some((q) => q.points > 0);
  const weight = (q) => (anyPoints ? Math.max(0, q.points ?? 0) : 1);
  const students = [];
  for (const p of report?.players ?? []) {
    let possible = 0;
    let earned = 0;
    let right = 0;
    let counted = 0;
    const missed = [];
    for (const q of questions) {
      const a = p.answers?.find((x) => x.question === q.index);
      if (!a || a.points == null) continue; // not scored while this student was in the game
      counted++;
      possible += weight(q);
      earned += weight(q) * Math.min(1, Math.max(0, a.credit ?? 0));
      if (a.correct) right++;
      else missed.push(q.index);
    }
    if (possible > 0 && earned / possible < 0.5) {
      students.push({ id: p.playerId, name: p.nickname, share: earned / possible, right, counted, missed });
    }
  }
  students.sort((a, b) => a.share - b.share || a.name.localeCompare(b.name));
  const missedMost = questions
    .map((q) => ({ index: q.index, prompt: q.prompt, missedBy: students.filter((st) => st.missed.includes(q.index)).length }))
    .filter((m) => m.missedBy * 2 > students.length)
    .sort((a, b) => b.missedBy - a.missedBy || a.index - b.index);
  return { students, questions: missedMost };
}

/** The report's per-student rows, ranked; `teams` is true when any student has a team. */
export function studentRows(report) {
  const players = report?.players ?? [];
  const questions = report?.questions ?? [];
  const types = new Map(questions.map((q) => [q.index, q.type]));
  return {
    teams: players.some((p) => p.team != null),
    scored: questions.filter((q) => q.type !== 'poll').length,
    rows: players.map((p) => ({
      id: p.playerId,
      rank: p.rank,
      name: p.nickname,
      team: p.team,
      score: p.score,
      correct: p.correctCount,
      answers: questions.map((q) => {
        const a = p.answers?.find((x) => x.question === q.index) ?? null;
        const mark = answerMark(a, types.get(q.index));
        return { question: q.index, text: a?.answer ?? '', points: a?.points, responseMs: a?.responseMs, mark,
          detail: answerDetail(q.index, a, mark) };
      }),
    })),
  };
}
