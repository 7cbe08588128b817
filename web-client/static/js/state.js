// Pure client state: server messages in, view state out, for the projector (the phone's is in phone-state.js, and
// shares the question pieces here). No DOM, no sockets, no clocks (callers pass `now`), so that all of it runs under
// `node --test`.

// ---------------------------------------------------------------- shared pieces

/** A question frame as the views use it, with the moment its countdown ends. */
export function question(msg, now) {
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

export function openAnswers(q, msg, now) {
  if (!q || q.index !== msg.index) return q;
  return { ...q, phase: 'answering', timeLimitMs: msg.timeLimitMs, remainingMs: msg.remainingMs,
    endsAt: now + msg.remainingMs, paused: false };
}

export function startTalk(q, msg, now) {
  if (!q || q.index !== msg.index) return q;
  return { ...q, phase: 'talk', remainingMs: msg.remainingMs, endsAt: now + msg.remainingMs, paused: false };
}

export function pauseChange(q, msg, now) {
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
    teams: [], // team games: every team as the lobby last listed it (players carry their team's id)
    gameId: restored.gameId ?? null,
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
    case 'intro': case 'talk': case 'answering': return 'question';
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
        settings: msg.settings, phase: msg.phase, notice: null, gone: null,
        gameId: msg.gameId != null ? String(msg.gameId) : s.gameId };
    case 'lobby':
      return { ...s, players: msg.players, locked: msg.locked, teams: msg.teams ?? [] };
    case 'teamChanged':
      return { ...s,
        players: s.players.map((p) => (p.id === msg.playerId ? { ...p, team: msg.team.id } : p)),
        teams: s.teams.map((t) => (t.id === msg.team.id ? { ...t, ...msg.team } : t)) };
    case 'talk':
      return { ...s, phase: 'talk', question: startTalk(s.question, msg, now) };
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
