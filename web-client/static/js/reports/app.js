// The reports page (/reports): the past games this browser created (by their host keys) or, with the teacher
// password, every game; and one game's report (/reports#game=<id>) with its CSV.
import { storage, sessionStore } from '../storage.js';
import { setHidden, setText } from '../dom.js';
import { GAMES_KEY, PASSWORD_KEY, validGames, hostKeyFor, reportHeaders, routeOf, reportError, csvFileName }
  from '../reports-state.js';
import { mountList } from './list-view.js';
import { mountReport } from './report-view.js';

const screens = document.getElementById('screens');
const announcer = document.getElementById('announcer');

let state = {
  route: null, // the game id shown, or null for the list
  passwordRequired: false,
  password: sessionStore.get(PASSWORD_KEY),
  games: null, // summaries of the list, once loaded
  listError: null,
  listSource: null, // 'password' | 'keys'
  report: null,
  reportError: null,
  loading: false,
  download: null, // words about the last CSV download
};

const kept = () => validGames(storage.getJson(GAMES_KEY));

const actions = {
  usePassword(password) {
    state = { ...state, password: password || null };
    if (password) sessionStore.set(PASSWORD_KEY, password);
    load();
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
  const keys = kept().map((g) => g.hostToken);
  let games = null;
  let error = null;
  let source = 'keys';
  try {
    if (state.password) {
      const { res, body } = await getJson('/api/reports', { headers: reportHeaders(null, state.password) });
      if (res.ok) {
        games = body;
        source = 'password';
      } else {
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
    error = 'Could not reach the server. Is it running?';
  }
  state = { ...state, games: games ?? [], listError: error, listSource: source };
}

async function loadReport(id) {
  try {
    const { res, body } = await getJson(`/api/reports/${id}`, { headers: reportHeaders(hostKeyFor(kept(), id), state.password) });
    state = res.ok ? { ...state, report: body, reportError: null }
      : { ...state, report: null, reportError: reportError(res.status, body, 'this report') };
  } catch {
    state = { ...state, report: null, reportError: 'Could not reach the server. Is it running?' };
  }
}

async function load() {
  const route = routeOf(location.hash, location.search);
  state = { ...state, route, loading: true, download: null, report: route === state.route ? state.report : null };
  render();
  if (route) await loadReport(route);
  else await loadList();
  state = { ...state, loading: false };
  render();
}

/** Fetches the CSV with the key or password in a header, then saves it through a link to a Blob. */
async function downloadCsv() {
  const id = state.route;
  state = { ...state, download: 'Preparing the CSV…' };
  render();
  try {
    const res = await fetch(`/api/reports/${id}/csv`, { cache: 'no-store', headers: reportHeaders(hostKeyFor(kept(), id), state.password) });
    if (!res.ok) {
      const body = await res.json().catch(() => null);
      state = { ...state, download: reportError(res.status, body, 'the CSV') };
    } else {
      const blob = await res.blob();
      const url = URL.createObjectURL(blob);
      const link = Object.assign(document.createElement('a'), { href: url, download: csvFileName(id) });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      state = { ...state, download: `Saved ${csvFileName(id)}.` };
    }
  } catch {
    state = { ...state, download: 'Could not reach the server. Is it running?' };
  }
  render();
}

let shown = null;
function render() {
  const screen = state.route ? 'report' : 'list';
  for (const [name, view] of Object.entries(views)) setHidden(view.el, name !== screen);
  views[screen].update(state, kept());
  document.body.dataset.screen = screen;
  const title = screen === 'report' && state.report ? `${state.report.game.bankTitle} · report` : 'Past games';
  document.title = `Quizroom · ${title}`;
  if (screen !== shown && !state.loading) {
    shown = screen;
    setText(announcer, title);
    views[screen].el.querySelector('h1')?.focus();
  }
}

window.addEventListener('hashchange', load);

(async () => {
  try {
    const { body } = await getJson('/api/options');
    state = { ...state, passwordRequired: !!body?.passwordRequired };
  } catch {
    // the list still loads by keys
  }
  await load();
})();
