// Pure state of the projector: the server's messages (hostReduce), the socket's final close (hostClosed) and the
// page's own events (hostAction) in, view state out. No DOM, no sockets, no clocks (callers pass `now`), so that all
// of it runs under `node --test`.
import { question, openAnswers, startTalk, pauseChange } from '../shared/state.js';

/** A warning of guessing stays up this long after the last one (the server repeats it while the guessing goes on). */
export const WARNING_SHOWN_MS = 60000;

/** The state before the server says anything: `restored` is the game kept across a reload, if any. */
export function hostInitial(restored = {}, password = null) {
  return {
    phase: null, // null until the server says; 'setup' before a game exists
    pin: restored.pin ?? null,
    joinUrl: null,
    qrUrl: null,
    bank: null,
    settings: null,
    players: [],
    kicked: [], // players the teacher removed, { id, name }, until let back in
    removal: null, // what the last removal of recent joiners did, in words
    teams: [], // team games: every team as the lobby last listed it (players carry their team's id)
    gameId: restored.gameId ?? null,
    locked: false,
    picked: null, // the player picked in the lobby: to confirm a removal, or (team games) to move or remove
    question: restored.question ?? null,
    answered: 0,
    total: 0,
    reveal: null,
    leaderboard: null,
    podium: null,
    podiumAt: null, // when the podium arrived, to reveal it place by place; null: shown whole at once
    notice: null,
    storageProblem: null, // set while the server says results are not being saved
    pattern: null, // two-step join: the shapes phones must tap now
    guessWarning: null, // someone is guessing their way in: { scope, message, until } (shown until `until`)
    gone: null, // why this page no longer controls a game: 'bad_session' | 'replaced' | 'closed'
    // the start screen: the banks and options offered, a game being created, the refusal, the password typed
    setup: { banks: null, options: null, busy: false, error: null, password },
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

/** Applies one server message. */
export function hostReduce(s, msg, now = 0) {
  switch (msg.type) {
    case 'hosting':
      return { ...s, pin: msg.pin, joinUrl: msg.joinUrl, qrUrl: msg.qrUrl, bank: msg.bank,
        settings: msg.settings, phase: msg.phase, notice: null, gone: null,
        gameId: msg.gameId != null ? String(msg.gameId) : s.gameId };
    case 'lobby':
      return keepPick({ ...s, players: msg.players, locked: msg.locked, teams: msg.teams ?? [], kicked: msg.kicked ?? [] });
    case 'teamChanged':
      return { ...s,
        players: s.players.map((p) => (p.id === msg.playerId ? { ...p, team: msg.team.id } : p)),
        teams: s.teams.map((t) => (t.id === msg.team.id ? { ...t, ...msg.team } : t)) };
    case 'talk':
      return { ...s, phase: 'talk', question: startTalk(s.question, msg, now) };
    case 'playerJoined':
      return { ...s, players: upsertPlayer(s.players, msg.player) };
    case 'playerLeft': {
      const gone = s.players.find((p) => p.id === msg.playerId);
      const kicked = gone && msg.reason === 'kicked' ? addKicked(s.kicked, [gone]) : s.kicked;
      return keepPick({ ...s, players: s.players.filter((p) => p.id !== msg.playerId), kicked });
    }
    case 'playersKicked': {
      const ids = new Set(msg.players.map((p) => p.id));
      const n = msg.players.length;
      const when = `in the last ${sinceWords(msg.seconds)}`;
      return keepPick({ ...s, players: s.players.filter((p) => !ids.has(p.id)), kicked: addKicked(s.kicked, msg.players),
        removal: n === 0 ? `Nobody joined ${when}.` : `Removed ${n} ${n === 1 ? 'player' : 'players'} who joined ${when}.` });
    }
    case 'unbanned':
      return { ...s, kicked: s.kicked.filter((p) => p.id !== msg.playerId) };
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
    case 'podium': {
      // Revealed place by place when the game gets there now; whole at once in a snapshot (a reload), unless its
      // reveal is already under way here.
      const arriving = s.phase !== 'podium' && s.phase !== 'finished';
      const podiumAt = arriving ? now : s.podium ? s.podiumAt : null;
      return { ...s, phase: 'podium', podium: msg, podiumAt, notice: null };
    }
    case 'finished':
      // The teacher finished the game: whatever the podium had still to reveal shows now, as on the phones.
      return { ...s, phase: 'finished', podiumAt: null };
    case 'joinPattern':
      return { ...s, pattern: msg.pattern };
    case 'guessWarning':
      return { ...s, guessWarning: { scope: msg.scope, message: msg.message, until: now + WARNING_SHOWN_MS } };
    case 'storage':
      return { ...s, storageProblem: msg.saving ? null : msg.message ?? 'Results are not being saved right now.' };
    case 'shutdown':
      return { ...s, notice: msg.message ?? 'The server is restarting.' };
    case 'error':
      // Refused for a while (a scan from this network): the game is still this page's; it tries again.
      if (msg.ref === 'host' && msg.code === 'rate_limited') return { ...s, notice: msg.message };
      // A refused host key: this page holds no game any more, so it goes back to the start screen.
      if (msg.ref === 'host') return { ...s, gone: 'bad_session', phase: 'setup', notice: msg.message };
      return { ...s, notice: msg.message };
    default:
      return s;
  }
}

/** What the notice bar says now: results not being saved, someone guessing their way in, the last refusal. */
export function hostNotices(s, now = 0) {
  const warning = s.guessWarning && now < s.guessWarning.until ? s.guessWarning.message : null;
  return [s.storageProblem, warning, s.notice].filter(Boolean);
}

function addKicked(kicked, players) {
  const known = new Set(kicked.map((p) => p.id));
  return [...kicked, ...players.filter((p) => !known.has(p.id)).map((p) => ({ id: p.id, name: p.name }))];
}

/** "30 s", "2 min": a look-back as the lobby's buttons say it. */
export function sinceWords(seconds) {
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

/** Drops the lobby's pick when that player has gone. */
function keepPick(s) {
  return s.picked != null && !s.players.some((p) => p.id === s.picked) ? { ...s, picked: null } : s;
}

/** The projector's socket closed for good (replaced by another window, or the room is gone). */
export function hostClosed(s, code) {
  if (code === 4000) return { ...s, gone: 'replaced' };
  if (code === 4002) return { ...s, gone: 'closed', phase: 'finished' };
  return s;
}

/**
 * Applies one of the page's own events: the start screen's steps, a new connection, a command that found no socket,
 * a player picked in the lobby.
 */
export function hostAction(s, action) {
  switch (action.type) {
    case 'setupLoaded':
      return withSetup(s, { banks: action.banks, options: action.options });
    case 'setupFailed':
      return withSetup(s, { error: 'Could not load the question banks. Is the server running?' });
    case 'setupError':
      return withSetup(s, { error: action.message });
    case 'creating':
      return withSetup(s, { busy: true, error: null });
    case 'created':
      // A fresh game: nothing of the last one is kept but what the start screen loaded and typed.
      return { ...hostInitial(action.session), setup: { ...s.setup, busy: false } };
    case 'joinAddresses':
      return withSetup(s, { joinAddresses: action.addresses, joinHost: pickJoinHost(action.addresses, action.remembered) });
    case 'pickJoinHost':
      return withSetup(s, { joinHost: pickJoinHost(s.setup.joinAddresses, action.host) });
    case 'createFailed':
      return withSetup(s, { busy: false, error: action.message || 'Could not create the game.' });
    case 'newGame':
      return { ...hostInitial(), phase: 'setup', setup: { ...s.setup, busy: false, error: null } };
    case 'connecting':
      return { ...s, gone: null };
    case 'notConnected':
      return { ...s, notice: 'Not connected: try again in a moment.' };
    case 'pick':
      return { ...s, picked: action.playerId };
    case 'unpick':
      return { ...s, picked: null };
    default:
      return s;
  }
}

/**
 * The join address to offer selected: the host this browser picked last if the server still has it, else the
 * server's first (best) one; null before the list is known.
 */
export function pickJoinHost(addresses, remembered) {
  const list = Array.isArray(addresses) ? addresses : [];
  return list.find((a) => a.host === remembered)?.host ?? list[0]?.host ?? null;
}

/** How the setup screen names a join address: its URL and the network interface it belongs to. */
export function joinAddressLabel(address) {
  return address.interfaceName ? `${address.url} (${address.interfaceName})` : address.url;
}

/**
 * A join URL split before its PIN, so the lobby can let the address break there and never inside the PIN:
 * {base: 'http://192.168.1.20:8080/join/', pin: '994877'}; a URL without a PIN at its end is all base.
 */
export function joinUrlParts(url) {
  const text = url ?? '';
  const m = /^(.*\/)(\d+)$/.exec(text);
  return m ? { base: m[1], pin: m[2] } : { base: text, pin: '' };
}

function withSetup(s, change) {
  return { ...s, setup: { ...s.setup, ...change } };
}

/** Words for a refused POST /api/games. */
export function createError(status, body) {
  if (status === 401) return 'That teacher password is not right. Type it again.';
  if (status === 413) return 'Those options are too long to send.';
  return body?.error?.message ?? `The server said ${status}.`;
}

/** The class size typed, or null when it is not a whole number from 1 to max. */
export function classSizeOf(typed, max) {
  const n = Number(String(typed).trim());
  return String(typed).trim() !== '' && Number.isInteger(n) && n >= 1 && n <= max ? n : null;
}
