// Pure state of the phone: the server's messages (phoneReduce), the socket's final close (phoneClosed) and the
// player's own steps (phoneAction) in, view state out. No DOM, no sockets, no clocks (callers pass `now`), so that
// all of it runs under `node --test`.
import { question, openAnswers, startTalk, pauseChange } from '../shared/state.js';
import { PATTERN_LENGTH } from '../shared/pattern.js';

/**
 * The state before the server says anything: `seat` is the one kept across a reload, `urlPin` the link's PIN,
 * `nickname` the name this phone last joined with (offered again on the join form).
 */
export function phoneInitial(seat = null, urlPin = null, nickname = null) {
  return {
    screen: seat ? 'rejoining' : 'join',
    pin: urlPin ?? seat?.pin ?? '',
    name: seat?.name ?? nickname ?? '',
    nickname: nickname || null, // the name to remember on this phone: the last one a join of the player's own got
    playerId: seat?.playerId ?? null,
    seatToken: seat?.seatToken ?? null,
    score: seat?.score ?? null,
    bankTitle: null,
    question: null,
    answered: false,
    pending: seat?.pending ?? null,
    mine: seat?.mine ?? null, // the answer sent to the current question and its options' texts: { answer, options }
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
    taps: [], // two-step join: the shapes tapped so far on the pattern pad
    pattern: null, // two-step join: the pattern sent with the last join (sent again with the team chosen)
    draft: null, // the taps of an answer not yet sent (multi's options, order's items): { question, picks }
    saved: true, // false when the server acknowledged the answer but could not save it yet
  };
}

function clearSeat(s) {
  return { ...s, playerId: null, seatToken: null, score: null, pending: null, mine: null };
}

/** Applies one server message. */
export function phoneReduce(s, msg, now = 0) {
  switch (msg.type) {
    case 'joined': {
      // Past the lobby a snapshot (question, result or final) follows at once; until then keep what is shown.
      const keep = ['question', 'result', 'final'].includes(s.screen);
      const screen = msg.phase === 'lobby' ? 'lobby' : keep ? s.screen : 'rejoining';
      // A name the player typed is remembered as the server accepted it; a generated one (nothing typed) is not.
      const nickname = s.joining && s.name ? msg.name : s.nickname;
      return { ...s, pin: msg.pin, name: msg.name, playerId: msg.playerId, seatToken: msg.seatToken, nickname,
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
      const mine = s.mine && s.mine.answer.question === q.index ? s.mine : null;
      return { ...s, screen: 'question', question: q, answered, pending: answered ? null : pending, mine,
        result: same ? s.result : null, notice: null, teamNote: null, saved: same ? s.saved : true,
        draft: same ? s.draft : null };
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
  if (msg.ref === 'rejoin' && msg.code === 'rate_limited') {
    // The server is fending off a scan from this network: the seat is still ours; the page tries again.
    return { ...s, notice: msg.message };
  }
  if (msg.ref === 'rejoin') {
    // The seat is gone (the game ended or the player was removed): start again from the join form.
    return { ...clearSeat(s), screen: 'join', joining: false, error: msg.code === 'room_not_found' ? null : msg.message };
  }
  if (msg.ref === 'join') {
    if (msg.code === 'pattern_required' || (s.screen === 'pattern' && msg.code === 'rate_limited')) {
      // Two-step join: the shapes from the big screen are needed, or those sent were not right (then say so).
      const wrong = msg.code !== 'pattern_required' || s.pattern != null;
      return { ...s, screen: 'pattern', joining: false, taps: [], pattern: null, error: wrong ? msg.message : null };
    }
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
    return { ...s, pending: null, mine: null, notice: msg.message };
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

/** Applies one of the player's own steps: joining, a team picked, the taps of an answer, the answer sent. */
export function phoneAction(s, action) {
  switch (action.type) {
    case 'joining':
      return { ...s, pin: action.pin, name: action.name, joining: true, error: null, taps: [], pattern: null };
    case 'tapShape':
      return s.taps.length >= PATTERN_LENGTH || s.joining ? s : { ...s, taps: [...s.taps, action.shape], error: null };
    case 'untapShape':
      return s.joining ? s : { ...s, taps: s.taps.slice(0, -1) };
    case 'sendingPattern':
      // The pad is full: the join goes with it (and the pattern is kept for the team choice that may follow).
      return { ...s, joining: true, pattern: s.taps, error: null };
    case 'pickingTeam':
      return { ...s, joining: true, error: null, chosenTeam: action.team };
    case 'changeName':
      return { ...s, screen: 'join', teams: null, error: null, joining: false, taps: [], pattern: null };
    case 'joinError':
      return { ...s, error: action.message };
    case 'answering':
      // The answer waits in `pending` for its acknowledgement; `mine` keeps it (with the texts it was picked
      // from) for "Answer sent" and the result, across a reload too.
      return { ...s, pending: action.answer, notice: null,
        mine: { answer: action.answer, options: s.question?.options ?? null } };
    case 'notConnected':
      return { ...s, notice: 'Not connected: try again in a moment.' };
    case 'toggleOption': {
      const picks = draftPicks(s);
      return withDraft(s, picks.includes(action.option) ? picks.filter((x) => x !== action.option) : [...picks, action.option]);
    }
    case 'moveItem': {
      // An order item dragged or stepped to place `to` (0-based); the others close up around it.
      const arrangement = orderArrangement(s);
      const from = arrangement.indexOf(action.item);
      const to = Math.max(0, Math.min(arrangement.length - 1, action.to));
      if (from < 0 || from === to) return s;
      const next = arrangement.filter((x) => x !== action.item);
      next.splice(to, 0, action.item);
      return withDraft(s, next, action.item);
    }
    default:
      return s;
  }
}

/** The taps so far towards an answer to the current question: multi's options in the order tapped. */
export function draftPicks(s) {
  return s.draft && s.question && s.draft.question === s.question.index ? s.draft.picks : [];
}

/** An order question's items as the player has arranged them: displayed indices, first place first. */
export function orderArrangement(s) {
  const n = s.question?.optionCount ?? 0;
  const picks = draftPicks(s);
  return picks.length === n ? picks : Array.from({ length: n }, (_, i) => i);
}

function withDraft(s, picks, moved = null) {
  return s.question ? { ...s, draft: { question: s.question.index, picks, moved } } : s;
}

/** What the phone keeps across reloads, or null when it holds no seat. */
export function seatOf(s) {
  if (!s.seatToken) return null;
  const seat = { pin: s.pin, seatToken: s.seatToken, name: s.name, playerId: s.playerId, score: s.score,
    pending: s.pending };
  if (s.mine) seat.mine = s.mine;
  // Only where players pick: the teams to switch between after a reload in the lobby.
  return s.teams ? { ...seat, teams: s.teams } : seat;
}
