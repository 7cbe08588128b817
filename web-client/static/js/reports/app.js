// The reports page (/reports): the past games this browser created (by their host keys) or, with the teacher
// password, every game; and one game's report (/reports#game=<id>) with its CSV.
import { storage } from '../shared/storage.js';
import { setHidden, setText, changeCheck } from '../shared/dom.js';
import { saveBlob } from '../shared/download.js';
import { rememberedPassword, forgetPassword, typedPassword, passwordRequired } from '../shared/teacher-password.js';
import { GAMES_KEY, validGames, hostKeyFor } from '../shared/games.js';
import { reportsInitial, reportsReduce, reportHeaders, routeOf, reportError, csvFileName, UNREACHABLE } from './state.js';
import { mountList } from './list-view.js';
import { mountReport } from './report-view.js';

const screens = document.getElementById('screens');
const announcer = document.getElementById('announcer');

let state = reportsInitial(rememberedPassword());

const kept = () => validGames(storage.getJson(GAMES_KEY));

/** Every change of state goes through here; a step that the next one shows is not rendered on its own. */
function reduce(action) {
  state = reportsReduce(state, action);
}

function dispatch(action) {
  reduce(action);
  render();
}

const actions = {
  usePassword: typedPassword(reduce, load),
  toggleStudent(id) {
    dispatch({ type: 'toggleStudent', id });
  },
  download: downloadCsv,
  print: () => window.print(),
};

const views = {
  list: mountList(screens, actions),
  report: mountReport(screens, actions),
};

async function getJson(url, init) {
  const res = await fetch(url, { cache: 'no-store', ...init });
  const body = await res.json().catch(() => null);
  return { res, body };
}

async function loadList() {
  const keys = state.kept.map((g) => g.hostToken);
  let games = null;
  let error = null;
  let source = 'keys';
  try {
    // On the server's own computer no password is asked, and the list is every game on the server.
    if (state.password || state.passwordRequired === false) {
      const { res, body } = await getJson('/api/reports', { headers: reportHeaders(null, state.password) });
      if (res.ok) {
        games = body;
        source = 'password';
      } else {
        if (res.status === 401) forgetPassword();
        error = reportError(res.status, body);
      }
    }
    if (games == null) {
      const { res, body } = await getJson('/api/reports/lookup', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ keys }),
      });
      if (res.ok) games = body;
      else error = reportError(res.status, body);
    }
  } catch {
    error = UNREACHABLE;
  }
  reduce({ type: 'listLoaded', games, error, source });
}

async function loadReport(id) {
  try {
    const { res, body } = await getJson(`/api/reports/${id}`, { headers: reportHeaders(hostKeyFor(state.kept, id), state.password) });
    reduce(res.ok ? { type: 'reportLoaded', report: body }
      : { type: 'reportFailed', message: reportError(res.status, body, 'this report') });
  } catch {
    reduce({ type: 'reportFailed', message: UNREACHABLE });
  }
}

async function load() {
  const route = routeOf(location.hash, location.search);
  dispatch({ type: 'loading', route, kept: kept() });
  if (route) await loadReport(route);
  else await loadList();
  dispatch({ type: 'loaded' });
}

/** Fetches the CSV with the key or password in a header, then saves it through a link to a Blob. */
async function downloadCsv() {
  const id = state.route;
  dispatch({ type: 'downloading' });
  let message;
  try {
    const res = await fetch(`/api/reports/${id}/csv`, { cache: 'no-store', headers: reportHeaders(hostKeyFor(kept(), id), state.password) });
    if (!res.ok) {
      const body = await res.json().catch(() => null);
      message = reportError(res.status, body, 'the CSV');
    } else {
      saveBlob(await res.blob(), csvFileName(id));
      message = `Saved ${csvFileName(id)}.`;
    }
  } catch {
    message = UNREACHABLE;
  }
  dispatch({ type: 'downloaded', message });
}

const screenChanged = changeCheck();
function render() {
  const screen = state.route ? 'report' : 'list';
  for (const [name, view] of Object.entries(views)) setHidden(view.el, name !== screen);
  views[screen].update(state);
  document.body.dataset.screen = screen;
  const title = screen === 'report' && state.report ? `${state.report.game.bankTitle} · report` : 'Past games';
  document.title = `Quizroom · ${title}`;
  if (!state.loading && screenChanged(screen)) {
    setText(announcer, title);
    views[screen].el.querySelector('h1')?.focus();
  }
}

window.addEventListener('hashchange', load);

(async () => {
  try {
    reduce({ type: 'options', passwordRequired: await passwordRequired() });
  } catch {
    // the list still loads by keys
  }
  await load();
})();
