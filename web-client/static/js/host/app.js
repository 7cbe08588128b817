// The projector page: wires the connection, the pure state and one view per screen.
import { createConnection, socketUrl } from '../shared/connection.js';
import { secondsLeft } from '../shared/state.js';
import { storage } from '../shared/storage.js';
import { rememberedPassword, rememberPassword, forgetPassword } from '../shared/teacher-password.js';
import { GAMES_KEY, rememberGame, hostKeyFor } from '../shared/games.js';
import { h, fill, setText, setHidden, changeCheck } from '../shared/dom.js';
import { hostInitial, hostReduce, hostClosed, hostAction, hostScreen, hostNotices, createError } from './state.js';
import { showPattern } from './join-pattern.js';
import { createSound } from './sound.js';
import { mountMuteButton } from './mute-button.js';
import { musicFor, nextPodiumChange, PODIUM_REVEAL_MS } from './suspense.js';
import { HURRY_SECONDS } from './music.js';
import { mountSetup } from './setup-view.js';
import { mountLobby } from './lobby-view.js';
import { mountQuestion } from './question-view.js';
import { mountReveal } from './reveal-view.js';
import { mountLeaderboard } from './leaderboard-view.js';
import { mountPodium } from './podium-view.js';
import { mountWait } from './wait-view.js';

const SESSION_KEY = 'quizroom.host';
/** After a host hello refused as rate-limited (a scan from this network), try again this much later. */
const HOST_RETRY_MS = 3000;
const JOIN_HOST_KEY = 'quizroom.joinHost';
const now = () => Date.now();

const saved = storage.getJson(SESSION_KEY);
let session = saved && saved.pin && saved.hostToken ? saved : null;
let state = hostInitial(session ?? {}, rememberedPassword());
if (!session) state = hostAction(state, { type: 'newGame' });
let conn = null;
const screenChanged = changeCheck();
let podiumTimer = null;

const sound = createSound(storage);
const banner = document.getElementById('banner');
const gameInfo = document.getElementById('game-info');
const soundToggle = document.getElementById('sound-toggle');
const screens = document.getElementById('screens');
const announcer = document.getElementById('announcer');
const topPattern = document.getElementById('join-pattern');

/** Every change of state from the page's own events goes through here (the server's messages through onMessage). */
function dispatch(action) {
  state = hostAction(state, action);
  render();
}

const actions = {
  send(msg) {
    if (!conn || !conn.send(msg)) dispatch({ type: 'notConnected' });
  },
  create: createGame,
  setupError(message) {
    dispatch({ type: 'setupError', message });
  },
  newGame() {
    conn?.close();
    conn = null;
    session = null;
    storage.remove(SESSION_KEY);
    dispatch({ type: 'newGame' });
    loadSetup();
  },
  retake() {
    connect();
  },
  pickJoinHost(host) {
    storage.set(JOIN_HOST_KEY, host);
    dispatch({ type: 'pickJoinHost', host });
  },
  pick(playerId) {
    dispatch({ type: 'pick', playerId });
  },
  unpick() {
    dispatch({ type: 'unpick' });
  },
};

const views = {
  setup: mountSetup(screens, actions),
  lobby: mountLobby(screens, actions),
  question: mountQuestion(screens, actions),
  reveal: mountReveal(screens, actions),
  leaderboard: mountLeaderboard(screens, actions),
  podium: mountPodium(screens, actions),
  wait: mountWait(screens, actions),
};
views.finished = views.wait;

/** Where phones may join, read afresh each time the setup screen opens: the laptop may be on another network. */
async function loadJoinAddresses() {
  try {
    const body = await fetch('/api/join-addresses', { cache: 'no-store' }).then((r) => r.json());
    dispatch({ type: 'joinAddresses', addresses: body.addresses ?? [], remembered: storage.get(JOIN_HOST_KEY) });
  } catch {
    // the server's own choice of address then
  }
}

async function loadSetup() {
  loadJoinAddresses();
  try {
    const [banks, options] = await Promise.all([
      fetch('/api/banks').then((r) => r.json()),
      fetch('/api/options').then((r) => r.json()),
    ]);
    dispatch({ type: 'setupLoaded', banks, options });
  } catch {
    dispatch({ type: 'setupFailed' });
  }
}

async function createGame(options, password) {
  dispatch({ type: 'creating' });
  try {
    const headers = { 'Content-Type': 'application/json' };
    if (password != null) {
      headers['X-Teacher-Password'] = password;
      // Remembered by this browser, so a teacher hosting from their own laptop types it once.
      rememberPassword(password);
    }
    const joinHost = state.setup.joinHost;
    const request = joinHost ? { ...options, joinHost } : options;
    const res = await fetch('/api/games', { method: 'POST', headers, body: JSON.stringify(request) });
    const body = await res.json().catch(() => null);
    if (res.status === 401) forgetPassword();
    if (res.status !== 201) throw new Error(createError(res.status, body));
    const gameId = body.gameId != null ? String(body.gameId) : null;
    session = { pin: body.pin, hostToken: body.hostToken, gameId };
    storage.setJson(SESSION_KEY, session);
    // Every game this projector creates is kept with its host key, so that its report can be opened later.
    if (gameId) {
      const bank = state.setup.banks?.find((b) => b.id === options.bankId)?.title ?? options.bankId;
      storage.setJson(GAMES_KEY, rememberGame(storage.getJson(GAMES_KEY),
        { gameId, pin: body.pin, hostToken: body.hostToken, bank, createdAt: Date.now() }));
    }
    state = hostAction(state, { type: 'created', session });
    connect();
  } catch (e) {
    const message = e instanceof TypeError ? 'Could not reach the server. Is it running?' : e.message;
    state = hostAction(state, { type: 'createFailed', message });
  }
  render();
}

function connect() {
  conn?.close();
  state = hostAction(state, { type: 'connecting' });
  conn = createConnection({
    url: socketUrl(location, session.pin),
    onOpen: () => conn.send({ type: 'host', pin: session.pin, hostToken: session.hostToken }),
    onMessage,
    onStatus: (status) => {
      const down = status === 'reconnecting' || (status === 'connecting' && state.phase !== 'setup');
      setText(banner, status === 'reconnecting' ? 'Reconnecting…' : 'Connecting…');
      setHidden(banner, !down);
    },
    onFinalClose: (code) => {
      state = hostClosed(state, code);
      if (state.gone === 'closed') storage.remove(SESSION_KEY);
      render();
    },
  });
}

function onMessage(msg) {
  const before = state;
  state = hostReduce(state, msg, now());
  if (msg.type === 'error' && msg.ref === 'host' && msg.code === 'rate_limited') {
    setTimeout(() => session && conn?.send({ type: 'host', pin: session.pin, hostToken: session.hostToken }), HOST_RETRY_MS);
  }
  if (msg.type === 'question' && session) {
    // Kept so that a reload during the reveal can still show the options' texts.
    storage.setJson(SESSION_KEY, { ...session, question: state.question });
  }
  if (msg.type === 'hosting' && session && state.gameId) {
    if (session.gameId !== state.gameId) {
      session = { ...session, gameId: state.gameId };
      storage.setJson(SESSION_KEY, session);
    }
    // A game created before this page kept its games (or whose entry was pushed out) is kept from here on.
    const kept = storage.getJson(GAMES_KEY);
    if (!hostKeyFor(kept, state.gameId)) {
      storage.setJson(GAMES_KEY, rememberGame(kept, { gameId: state.gameId, pin: session.pin, hostToken: session.hostToken,
        bank: state.bank?.title ?? null, createdAt: Date.now() }));
    }
  }
  if (msg.type === 'finished' || state.gone === 'bad_session') {
    storage.remove(SESSION_KEY);
    if (state.gone === 'bad_session') {
      conn?.close();
      conn = null;
      session = null;
      if (!state.setup.banks) loadSetup();
    }
  }
  cue(before, state);
  render();
}

function cue(before, after) {
  if (after.phase === 'answering' && before.phase !== 'answering') sound.play('open');
  if (after.phase === 'reveal' && before.phase !== 'reveal') sound.play('reveal');
  if (after.phase === 'leaderboard' && before.phase !== 'leaderboard') sound.play('leaderboard');
  // The podium's drumroll and fanfare keep time with its reveal; a podium shown whole (a reload) is silent.
  if (after.phase === 'podium' && before.phase !== 'podium' && after.podiumAt != null) sound.play('podium');
  if (before.phase === 'podium' && after.phase !== 'podium') sound.hush();
}

/** The music loop of the moment (the countdown quickens in its last seconds). */
function music() {
  const m = musicFor(state, hostScreen(state), now());
  sound.music(m.track, m.tempo);
  const playing = sound.playing ?? '';
  if (document.body.dataset.music !== playing) document.body.dataset.music = playing;
}

let lastTick = null;
let noticeShown = '';
function tick() {
  if (noticeText() !== noticeShown) render(); // a warning of guessing has run its time
  const q = state.question;
  if (hostScreen(state) !== 'question' || !q) return;
  views.question.update(state, now());
  music();
  const secs = secondsLeft(q, now());
  if (q.phase === 'answering' && !q.paused && secs !== lastTick && secs > 0 && secs <= HURRY_SECONDS) sound.play('tick');
  lastTick = secs;
}

function noticeText() {
  return hostScreen(state) === 'setup' ? '' : hostNotices(state, now()).join(' · ');
}

/** The podium changes at set moments while it is revealed: each one renders the screen again. */
function followPodium(screen) {
  clearTimeout(podiumTimer);
  const wait = screen === 'podium' ? nextPodiumChange(state, now()) : null;
  if (wait != null) podiumTimer = setTimeout(render, Math.min(wait, PODIUM_REVEAL_MS) + 15);
}

const gameInfoChanged = changeCheck();
function showGameInfo() {
  const title = state.bank && state.phase !== 'setup' ? state.bank.title : null;
  if (!gameInfoChanged(title == null ? null : [title, state.pin])) return;
  // The bank's title is the teacher's words, in any script: isolated, so that it cannot reorder the PIN.
  fill(gameInfo, title == null ? [] : [h('bdi', { text: title }), ` · PIN ${state.pin}`]);
}

function render() {
  const screen = hostScreen(state);
  const view = views[screen];
  for (const v of new Set(Object.values(views))) setHidden(v.el, v !== view);
  // Before the update: a screen that fits its text to the window measures with its own page style.
  document.body.dataset.screen = screen;
  view.update(state, now());
  showGameInfo();
  music();
  followPodium(screen);
  const notice = noticeText();
  noticeShown = notice;
  setText(document.getElementById('notice'), notice);
  setHidden(document.getElementById('notice'), !notice);
  // Late joiners need the pattern during the game too: small, in the top bar.
  showPattern(topPattern, ['question', 'reveal', 'leaderboard', 'wait'].includes(screen) && state.phase !== 'finished'
    ? state.pattern : null);
  if (screenChanged(screen)) {
    setText(announcer, view.el.querySelector('h1')?.textContent ?? '');
    // Put the keyboard on the screen's main action, so a clicker or the space bar drives the game.
    view.focus?.();
  }
}

mountMuteButton(soundToggle, sound, music);
// Browsers let a page make sound only after a click or a key: the teacher's first ("Create game", "Start", or any
// other) starts it.
for (const type of ['pointerdown', 'keydown']) document.addEventListener(type, () => sound.unlock(), true);
// The question and the reveal fit their text to the window again when it changes size.
addEventListener('resize', render);

// Presentation clickers send PageDown or the right arrow: both mean "next" outside form fields.
document.addEventListener('keydown', (e) => {
  if (e.target.closest?.('input, select, textarea') || e.altKey || e.ctrlKey || e.metaKey) return;
  if (e.key === 'PageDown' || e.key === 'ArrowRight') {
    const next = views[hostScreen(state)]?.el.querySelector('[data-testid="next"]:not([hidden]):not([disabled])');
    if (next) {
      e.preventDefault();
      next.click();
    }
  }
});

setInterval(tick, 250);
if (session) connect();
else loadSetup();
render();
