// Pure client state of the phone: server messages in, view state out. No DOM, no sockets, no clocks (callers pass
// `now`), so that all of it runs under `node --test`.
import { ordinal, points, verdict } from './present.js';
import { question, openAnswers, startTalk, pauseChange } from './state.js';
import { teamStandingText } from './teams.js';

export function phoneInitial(seat = null, urlPin = null) {
  return {
    screen: seat ? 'rejoining' : 'join',
    pin: urlPin ?? seat?.pin ?? '',
    name: seat?.name ?? '',
    playerId: seat?.playerId ?? null,
    seatToken: seat?.seatToken ?? null,
    score: seat?.score ?? null,
    bankTitle: null,
    question: null,
    answered: false,
    pending: seat?.pending ?? null,
    result: null,
    final: null,
    finished: false,
    error: null,
    notice: null,
    joining: false,
    team: null, // team games: the player's team (TeamInfo)
    teams: seat?.teams ?? null, // where players pick: the teams offered by chooseTeam, to switch between in the lobby
    teamNote: null, // why the team changed, when the teacher moved the player
    chosenTeam: null, // the team last tapped on the team choice, until the server answers
    saved: true, // false when the server acknowledged the answer but could not save it yet
  };
}

function clearSeat(s) {
  return { ...s, playerId: null, seatToken: null, score: null, pending: null };
}

export function phoneReduce(s, msg, now = 0) {
  switch (msg.type) {
    case 'joined': {
      // Past the lobby a snapshot (question, result or final) follows at once; until then keep what is shown.
      const keep = ['question', 'result', 'final'].includes(s.screen);
      const screen = msg.phase === 'lobby' ? 'lobby' : keep ? s.screen : 'rejoining';
      return { ...s, pin: msg.pin, name: msg.name, playerId: msg.playerId, seatToken: msg.seatToken,
        bankTitle: msg.bankTitle, screen, error: null, notice: null, finished: false, joining: false,
        team: msg.team ?? null };
    }
    case 'chooseTeam':
      return { ...s, screen: 'team', teams: msg.teams, joining: false, error: null };
    case 'teamChanged':
      if (msg.playerId !== s.playerId) return s;
      return { ...s, team: msg.team, notice: null, teams: movedIn(s.teams, s.team, msg.team),
        teamNote: msg.by === 'host' ? `The teacher put you in the ${msg.team.name}.` : null };
    case 'talk':
      return { ...s, question: startTalk(s.question, msg, now) };
    case 'question': {
      const q = question(msg, now);
      const same = s.question && s.question.index === q.index;
      const answered = msg.answered === true || (!!same && s.answered);
      const pending = s.pending && s.pending.question === q.index ? s.pending : null;
      return { ...s, screen: 'question', question: q, answered, pending: answered ? null : pending,
        result: same ? s.result : null, notice: null, teamNote: null, saved: same ? s.saved : true };
    }
    case 'answering':
      return { ...s, question: openAnswers(s.question, msg, now) };
    case 'paused':
      return { ...s, question: pauseChange(s.question, msg, now) };
    case 'answerAck':
      if (!s.question || msg.question !== s.question.index) return s;
      return { ...s, answered: true, pending: null, notice: null, saved: msg.saved !== false };
    case 'result':
      return { ...s, screen: 'result', result: msg, score: msg.score, pending: null, notice: null };
    case 'final':
      return { ...s, screen: 'final', final: msg, score: msg.you?.score ?? s.score, pending: null };
    case 'kicked':
      return { ...clearSeat(s), screen: 'kicked' };
    case 'finished':
      return { ...clearSeat(s), finished: true, screen: s.screen === 'final' ? 'final' : 'ended' };
    case 'error':
      return phoneError(s, msg);
    default:
      return s;
  }
}

/** The offered teams after this player moved from `from` to `to` (sizes as far as this phone knows them). */
function movedIn(teams, from, to) {
  if (!teams) return teams;
  return teams.map((t) => {
    if (t.id === to.id) return { ...t, ...to };
    if (from && t.id === from.id && from.id !== to.id) return { ...t, size: Math.max(0, t.size - 1), full: false };
    return t;
  });
}

function phoneError(s, msg) {
  if (msg.ref === 'rejoin') {
    // The seat is gone (the game ended or the player was removed): start again from the join form.
    return { ...clearSeat(s), screen: 'join', joining: false, error: msg.code === 'room_not_found' ? null : msg.message };
  }
  if (msg.ref === 'join') {
    if (s.screen === 'team' && (msg.code === 'team_full' || msg.code === 'no_such_team')) {
      // Stay on the team choice; the team that filled up meanwhile is shown as full.
      const teams = (s.teams ?? []).map((t) => (msg.code === 'team_full' && t.id === s.chosenTeam ? { ...t, full: true } : t));
      return { ...s, joining: false, error: msg.message, teams };
    }
    return { ...s, screen: 'join', joining: false, error: msg.message };
  }
  if (msg.ref === 'switchTeam') {
    return { ...s, notice: msg.message, teamNote: null };
  }
  if (msg.ref === 'answer') {
    if (msg.code === 'already_answered') return { ...s, answered: true, pending: null };
    return { ...s, pending: null, notice: msg.message };
  }
  return { ...s, notice: msg.message };
}

/** The phone lost its socket for good: the seat was taken over by another tab, kicked, or the room closed. */
export function phoneClosed(s, code) {
  if (code === 4000) return { ...s, screen: 'replaced' };
  if (code === 4001) return { ...clearSeat(s), screen: 'kicked' };
  if (code === 4002) return { ...clearSeat(s), finished: true, screen: s.screen === 'final' ? 'final' : 'ended' };
  return s;
}

/** What the phone keeps across reloads, or null when it holds no seat. */
export function seatOf(s) {
  if (!s.seatToken) return null;
  const seat = { pin: s.pin, seatToken: s.seatToken, name: s.name, playerId: s.playerId, score: s.score,
    pending: s.pending };
  // Only where players pick: the teams to switch between after a reload in the lobby.
  return s.teams ? { ...seat, teams: s.teams } : seat;
}

/** Reads a typed number: accepts thousands commas (340,000), a decimal comma (2,5), spaces, a minus; else null. */
export function parseNumber(text) {
  if (typeof text !== 'string') return null;
  let t = text.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/^\u2212/, '-');
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, ''); // 340,000: thousands
  else if (/^-?\d+,\d+$/.test(t)) t = t.replace(',', '.'); // 2,5: a decimal comma
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** The `answer` message for a question, from the player's picks; null while the answer is not complete. */
export function answerMessage(q, pick, nonce) {
  const base = { type: 'answer', question: q.index, nonce };
  switch (q.type) {
    case 'single': case 'truefalse': case 'poll':
      return Number.isInteger(pick) ? { ...base, option: pick } : null;
    case 'multi':
      return Array.isArray(pick) && pick.length > 0 ? { ...base, options: [...pick].sort((a, b) => a - b) } : null;
    case 'order':
      return Array.isArray(pick) && pick.length === q.optionCount ? { ...base, order: [...pick] } : null;
    case 'numeric': {
      const v = typeof pick === 'number' ? pick : parseNumber(pick);
      return v == null ? null : { ...base, value: v };
    }
    default:
      return null;
  }
}

/** A random nonce for idempotent answer resends (crypto.randomUUID needs a secure context; LAN pages are not). */
export function nonceFrom(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
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
