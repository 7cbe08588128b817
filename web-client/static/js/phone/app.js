// The phone page: wires the connection, the pure state and one view per screen.
import { createConnection, socketUrl } from '../shared/connection.js';
import { storage } from '../shared/storage.js';
import { setText, setHidden, changeCheck } from '../shared/dom.js';
import { phoneInitial, phoneReduce, phoneClosed, phoneAction, seatOf } from './state.js';
import { answerMessage, nonceFrom } from './answer.js';
import { phoneAnnouncement } from './words.js';
import { mountJoin } from './join-view.js';
import { mountPattern } from './pattern-view.js';
import { PATTERN_LENGTH } from '../shared/pattern.js';
import { mountLobby } from './lobby-view.js';
import { mountTeamChoice } from './team-view.js';
import { mountQuestion } from './question-view.js';
import { mountResult } from './result-view.js';
import { mountFinal } from './final-view.js';
import { mountMessage } from './message-view.js';
import { mountTopBar } from './top-bar.js';
import { deviceToken } from './device.js';

const SEAT_KEY = 'quizroom.seat';
/** After a rejoin refused as rate-limited (a scan from this network), try again this much later. */
const REJOIN_RETRY_MS = 3000;
/** The nickname this phone last joined with, offered on the join form of the next game. */
const NICKNAME_KEY = 'quizroom.nickname';
const now = () => Date.now();

// /join/123456 comes from the QR code; ?pin=123456 works too.
const urlPin = location.pathname.match(/^\/join\/(\d{6})\/?$/)?.[1]
  ?? new URLSearchParams(location.search).get('pin')?.match(/^\d{6}$/)?.[0] ?? null;
let seat = storage.getJson(SEAT_KEY);
if (!seat?.seatToken || (urlPin && seat.pin !== urlPin)) {
  // A seat from another game: the link wins.
  seat = null;
  storage.remove(SEAT_KEY);
}
let state = phoneInitial(seat, urlPin, storage.get(NICKNAME_KEY));
let pendingJoin = null;
const screenChanged = changeCheck();

const banner = document.getElementById('banner');
const live = document.getElementById('live');
const screens = document.getElementById('screens');

// The socket is opened only when needed (a seat to resume, or a join), and dropped again while the player holds no
// seat: the server closes sockets that join nothing, and a join form left open should not keep reconnecting.
let conn = null;
function connection() {
  conn ??= createConnection({
    // Asked at every (re)connection: the PIN is known from the link, once typed, or from the seat.
    url: () => socketUrl(location, state.pin),
    onOpen() {
      if (state.seatToken) {
        conn.send({ type: 'rejoin', pin: state.pin, seatToken: state.seatToken });
      } else if (pendingJoin) {
        conn.send(pendingJoin);
        pendingJoin = null;
      }
    },
    onMessage,
    onStatus(status) {
      if (status === 'reconnecting' && !state.seatToken && !pendingJoin) {
        conn.close();
        conn = null;
        setHidden(banner, true);
        return;
      }
      const waiting = status === 'reconnecting' || status === 'connecting';
      setText(banner, status === 'connecting' ? 'Connecting…' : 'Reconnecting…');
      setHidden(banner, !waiting || !(state.seatToken || state.joining));
    },
    onFinalClose(code) {
      conn = null;
      apply(phoneClosed(state, code));
    },
  });
  return conn;
}

// Sent with every join: a phone the teacher removed cannot come back under another name.
const device = deviceToken(storage, (bytes) => crypto.getRandomValues(bytes));

const actions = {
  join(pin, name) {
    const msg = { type: 'join', pin, name, device };
    dispatch({ type: 'joining', pin, name });
    if (!connection().send(msg)) pendingJoin = msg;
  },
  /** Two-step join: one more shape tapped; the fourth sends the join (with the team already picked, if any). */
  tapShape(shape) {
    dispatch({ type: 'tapShape', shape });
    if (state.taps.length < PATTERN_LENGTH || state.joining) return;
    const msg = { type: 'join', pin: state.pin, name: state.name, pattern: state.taps, device,
      ...(state.teams && state.chosenTeam != null ? { team: state.chosenTeam } : {}) };
    dispatch({ type: 'sendingPattern' });
    if (!connection().send(msg)) pendingJoin = msg;
  },
  untapShape() {
    dispatch({ type: 'untapShape' });
  },
  /** Players pick: join again, this time with the team tapped on the team screen (and the pattern, if needed). */
  pickTeam(team) {
    const msg = { type: 'join', pin: state.pin, name: state.name, team, device,
      ...(state.pattern ? { pattern: state.pattern } : {}) };
    dispatch({ type: 'pickingTeam', team });
    if (!connection().send(msg)) pendingJoin = msg;
  },
  switchTeam(team) {
    if (!connection().send({ type: 'switchTeam', team })) dispatch({ type: 'notConnected' });
  },
  changeName() {
    dispatch({ type: 'changeName' });
  },
  joinError(message) {
    dispatch({ type: 'joinError', message });
  },
  answer(pick) {
    const q = state.question;
    const bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    const msg = q && answerMessage(q, pick, nonceFrom(bytes));
    if (!msg) return;
    // Kept (also in storage) until acknowledged, and sent again after a reconnect: the nonce makes that safe.
    dispatch({ type: 'answering', answer: msg });
    connection().send(msg);
  },
  toggleOption(option) {
    dispatch({ type: 'toggleOption', option });
  },
  moveItem(item, to) {
    dispatch({ type: 'moveItem', item, to });
  },
  restart() {
    storage.remove(SEAT_KEY);
    location.href = '/';
  },
};

const views = {
  join: mountJoin(screens, actions),
  pattern: mountPattern(screens, actions),
  lobby: mountLobby(screens, actions),
  team: mountTeamChoice(screens, actions),
  question: mountQuestion(screens, actions),
  result: mountResult(screens, actions),
  final: mountFinal(screens, actions),
  message: mountMessage(screens, actions),
};
const viewFor = (screen) => views[screen] ?? views.message;
const topBar = mountTopBar(document.querySelector('.phone-top'));

function onMessage(msg) {
  if (msg.type === 'shutdown') {
    // The server is restarting: the socket closes next and the connection comes back by itself.
    setText(banner, msg.message ?? 'The server is restarting…');
    setHidden(banner, false);
    return;
  }
  apply(phoneReduce(state, msg, now()));
  if (msg.type === 'error' && msg.ref === 'rejoin' && msg.code === 'rate_limited') {
    setTimeout(() => {
      if (state.seatToken) conn?.send({ type: 'rejoin', pin: state.pin, seatToken: state.seatToken });
    }, REJOIN_RETRY_MS);
  }
  // After a reconnect the snapshot says whether our answer arrived; if not, and answers are open, send it again.
  const q = state.question;
  if (msg.type === 'question' && q && q.phase === 'answering' && !state.answered && state.pending?.question === q.index) {
    conn?.send(state.pending);
  }
}

/** The player's own steps; the server's messages and the socket's close go to apply() through their reducers. */
function dispatch(action) {
  apply(phoneAction(state, action));
}

/** Every change of state goes through here: kept in storage (the seat), shown, and said when it is news. */
function apply(next) {
  const before = state;
  state = next;
  if (state.nickname && state.nickname !== before.nickname) storage.set(NICKNAME_KEY, state.nickname);
  const kept = seatOf(state);
  if (kept) storage.setJson(SEAT_KEY, kept);
  else storage.remove(SEAT_KEY);
  render();
  const said = phoneAnnouncement(before, state);
  // The same words again (an item moved back to the same place) are changed by a space, or nothing is read.
  if (said) setText(live, said === live.textContent ? `${said}\u00a0` : said);
}

function render() {
  const view = viewFor(state.screen);
  for (const v of Object.values(views)) setHidden(v.el, v !== view);
  // Before the view's update: a screen's layout (the question's fitting) depends on it.
  document.body.dataset.screen = state.screen;
  topBar.update(state);
  view.update(state, now());
  if (screenChanged(state.screen)) {
    view.focus?.();
  }
}

setInterval(() => {
  if (state.screen === 'question') views.question.update(state, now());
}, 250);
if (state.seatToken) connection();
render();
