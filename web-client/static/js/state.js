// Pure client state: server messages in, view state out, for the projector and the phone. No DOM, no sockets, no
// clocks (callers pass `now`), so that all of it runs under `node --test`.
import { ordinal, points, verdict } from './present.js';

// ---------------------------------------------------------------- shared pieces

function question(msg, now) {
  return {
    index: msg.index,
    count: msg.count,
    type: msg.questionType,
    prompt: msg.prompt ?? null,
    options: msg.options ?? null,
    optionCount: msg.optionCount,
    points: msg.points,
    timeLimitMs: msg.timeLimitMs,
    phase: msg.phase,
    unit: msg.unit ?? null,
    paused: !!msg.paused,
    remainingMs: msg.remainingMs,
    endsAt: now + msg.remainingMs,
  };
}

function openAnswers(q, msg, now) {
  if (!q || q.index !== msg.index) return q;
  return { ...q, phase: 'answering', timeLimitMs: msg.timeLimitMs, remainingMs: msg.remainingMs,
    endsAt: now + msg.remainingMs, paused: false };
}

function pauseChange(q, msg, now) {
  if (!q || q.index !== msg.index) return q;
  return { ...q, phase: msg.phase, paused: msg.paused, remainingMs: msg.remainingMs, endsAt: now + msg.remainingMs };
}

/** Milliseconds left on a question's countdown (frozen while paused). */
export function remainingMs(q, now) {
  if (!q) return 0;
  if (q.paused) return Math.max(0, q.remainingMs);
  return Math.max(0, q.endsAt - now);
}

/** Whole seconds shown on the countdown: 20 at the start of a 20 s question, 1 in its last second. */
export function secondsLeft(q, now) {
  return Math.ceil(remainingMs(q, now) / 1000);
}

/** Share of the answering time left, 1 → 0, for the countdown bar. */
export function timeFraction(q, now) {
  if (!q) return 0;
  if (q.phase !== 'answering') return 1;
  return q.timeLimitMs > 0 ? Math.min(1, remainingMs(q, now) / q.timeLimitMs) : 0;
}

// ---------------------------------------------------------------- the projector

export function hostInitial(restored = {}) {
  return {
    phase: null, // null until the server says; 'setup' before a game exists
    pin: restored.pin ?? null,
    joinUrl: null,
    qrUrl: null,
    bank: null,
    settings: null,
    players: [],
    locked: false,
    question: restored.question ?? null,
    answered: 0,
    total: 0,
    reveal: null,
    leaderboard: null,
    podium: null,
    notice: null,
    storageProblem: null, // set while the server says results are not being saved
    gone: null, // why this page no longer controls a game: 'bad_session' | 'replaced' | 'closed'
  };
}

/** Which screen the projector shows. */
export function hostScreen(s) {
  if (s.gone === 'bad_session' || s.phase === 'setup') return 'setup';
  switch (s.phase) {
    case 'lobby': return 'lobby';
    case 'intro': case 'answering': return 'question';
    case 'reveal': return s.reveal ? 'reveal' : 'wait';
    case 'leaderboard': return s.leaderboard ? 'leaderboard' : 'wait';
    case 'podium': return s.podium ? 'podium' : 'wait';
    case 'finished': return s.podium ? 'podium' : 'finished';
    default: return 'wait';
  }
}

function upsertPlayer(players, p) {
  const i = players.findIndex((x) => x.id === p.id);
  if (i < 0) return [...players, p];
  const copy = players.slice();
  copy[i] = p;
  return copy;
}

export function hostReduce(s, msg, now = 0) {
  switch (msg.type) {
    case 'hosting':
      return { ...s, pin: msg.pin, joinUrl: msg.joinUrl, qrUrl: msg.qrUrl, bank: msg.bank,
        settings: msg.settings, phase: msg.phase, notice: null, gone: null };
    case 'lobby':
      return { ...s, players: msg.players, locked: msg.locked };
    case 'playerJoined':
      return { ...s, players: upsertPlayer(s.players, msg.player) };
    case 'playerLeft':
      return { ...s, players: s.players.filter((p) => p.id !== msg.playerId) };
    case 'playerConnection':
      return { ...s, players: s.players.map((p) => (p.id === msg.playerId ? { ...p, connected: msg.connected } : p)) };
    case 'locked':
      return { ...s, locked: msg.locked };
    case 'question': {
      const q = question(msg, now);
      const same = s.question && s.question.index === q.index;
      return { ...s, phase: q.phase, question: q, answered: same ? s.answered : 0,
        total: same ? s.total : s.players.length, reveal: null, notice: null };
    }
    case 'answering':
      return { ...s, phase: 'answering', question: openAnswers(s.question, msg, now) };
    case 'answerCount':
      if (s.question && s.question.index !== msg.index) return s;
      return { ...s, answered: msg.answered, total: msg.total };
    case 'paused':
      return { ...s, question: pauseChange(s.question, msg, now) };
    case 'reveal':
      return { ...s, phase: 'reveal', reveal: msg, answered: msg.answered, total: msg.total, notice: null };
    case 'leaderboard':
      return { ...s, phase: 'leaderboard', leaderboard: msg, notice: null };
    case 'podium':
      return { ...s, phase: 'podium', podium: msg, notice: null };
    case 'finished':
      return { ...s, phase: 'finished' };
    case 'storage':
      return { ...s, storageProblem: msg.saving ? null : msg.message ?? 'Results are not being saved right now.' };
    case 'shutdown':
      return { ...s, notice: msg.message ?? 'The server is restarting.' };
    case 'error':
      if (msg.ref === 'host') return { ...s, gone: 'bad_session', notice: msg.message };
      return { ...s, notice: msg.message };
    default:
      return s;
  }
}

/** The projector's socket closed for good (replaced by another window, or the room is gone). */
export function hostClosed(s, code) {
  if (code === 4000) return { ...s, gone: 'replaced' };
  if (code === 4002) return { ...s, gone: 'closed', phase: 'finished' };
  return s;
}

// ---------------------------------------------------------------- the phone

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
        bankTitle: msg.bankTitle, screen, error: null, notice: null, finished: false, joining: false };
    }
    case 'question': {
      const q = question(msg, now);
      const same = s.question && s.question.index === q.index;
      const answered = msg.answered === true || (!!same && s.answered);
      const pending = s.pending && s.pending.question === q.index ? s.pending : null;
      return { ...s, screen: 'question', question: q, answered, pending: answered ? null : pending,
        result: same ? s.result : null, notice: null };
    }
    case 'answering':
      return { ...s, question: openAnswers(s.question, msg, now) };
    case 'paused':
      return { ...s, question: pauseChange(s.question, msg, now) };
    case 'answerAck':
      if (!s.question || msg.question !== s.question.index) return s;
      return { ...s, answered: true, pending: null, notice: null };
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

function phoneError(s, msg) {
  if (msg.ref === 'rejoin') {
    // The seat is gone (the game ended or the player was removed): start again from the join form.
    return { ...clearSeat(s), screen: 'join', joining: false, error: msg.code === 'room_not_found' ? null : msg.message };
  }
  if (msg.ref === 'join') {
    return { ...s, screen: 'join', joining: false, error: msg.message };
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
  return { pin: s.pin, seatToken: s.seatToken, name: s.name, playerId: s.playerId, score: s.score,
    pending: s.pending };
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
    return `${v.text}. ${r.points > 0 ? `Plus ${points(r.points)}. ` : ''}Total ${points(r.score)}. ${ordinal(r.rank)} of ${r.playerCount}.`;
  }
  if (after.screen === 'final' && after.final && after.final !== before.final && after.final.you) {
    const y = after.final.you;
    return `Game over. You finished ${ordinal(y.rank)} of ${after.final.playerCount} with ${points(y.score)}.`;
  }
  if (after.screen === 'lobby' && before.screen !== 'lobby') return `You're in, ${after.name}.`;
  if (after.screen === 'kicked' && before.screen !== 'kicked') return 'The teacher removed you from the game.';
  return null;
}
