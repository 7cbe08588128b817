// Pure state of the reports page: the page's steps (reportsReduce) in, view state out; and what its requests need
// (the route, the headers, an error in words, the CSV's name). No DOM, no fetch, no clock.

import { teacherReduce, withPassword } from '../shared/teacher.js';

/** Words for a request that did not reach the server. */
export const UNREACHABLE = 'Could not reach the server. Is it running?';

/** The state before anything is loaded; `password` is the one this browser remembers, if any. */
export function reportsInitial(password = null) {
  return {
    route: null, // the game id shown, or null for the list
    passwordRequired: null, // unknown until /api/options answers; false on the server's own computer
    password,
    kept: [], // the games this browser created, as last read from storage
    games: null, // summaries of the list, once loaded
    listError: null,
    listSource: null, // 'password' | 'keys'
    report: null,
    reportError: null,
    loading: false,
    download: null, // words about the last CSV download
    openStudents: [], // ids of the students whose answers the report's table shows in full
  };
}

/**
 * Applies one step of the page: loading the list or a report, the teacher password, a student's answers opened or
 * closed in the report's table, a CSV download.
 */
export function reportsReduce(s, action) {
  switch (action.type) {
    case 'options':
    case 'password':
      return teacherReduce(s, action);
    case 'loading':
      // The report shown stays while the same one reloads; another route starts blank.
      return { ...s, route: action.route, kept: action.kept, loading: true, download: null,
        report: action.route === s.route ? s.report : null,
        openStudents: action.route === s.route ? s.openStudents ?? [] : [] };
    case 'listLoaded':
      return { ...s, games: action.games ?? [], listError: action.error, listSource: action.source };
    case 'reportLoaded':
      return { ...s, report: action.report, reportError: null };
    case 'reportFailed':
      return { ...s, report: null, reportError: action.message };
    case 'loaded':
      return { ...s, loading: false };
    case 'toggleStudent': {
      const open = s.openStudents ?? [];
      return { ...s, openStudents: open.includes(action.id) ? open.filter((id) => id !== action.id) : [...open, action.id] };
    }
    case 'downloading':
      return { ...s, download: 'Preparing the CSV…' };
    case 'downloaded':
      return { ...s, download: action.message };
    default:
      return s;
  }
}

/** Which report the address asks for: /reports#game=123 (or ?game=123); null for the list. */
export function routeOf(hash, search = '') {
  const fromHash = /(?:^#|&)game=(\d+)/.exec(hash ?? '')?.[1];
  const fromSearch = /[?&]game=(\d+)/.exec(search ?? '')?.[1];
  return fromHash ?? fromSearch ?? null;
}

/** Headers that open a report: the game's host key when this browser has it, and the teacher password if typed. */
export function reportHeaders(hostKey, password) {
  return withPassword(hostKey ? { 'X-Host-Key': hostKey } : {}, password);
}

/** A file name for a game's CSV. */
export function csvFileName(id) {
  return `quizroom-game-${id}.csv`;
}

/** An HTTP error in words for the reports page. */
export function reportError(status, body, what = 'the reports') {
  const code = body?.error?.code;
  if (code === 'password_required') return 'That teacher password is not right.';
  if (code === 'forbidden') return 'This browser does not hold the key of that game. Open it from the projector that ran it, or type the teacher password.';
  if (code === 'report_not_found') return 'There is no such game.';
  if (code === 'store_unavailable') return 'The results database cannot be read right now. Try again in a moment.';
  return body?.error?.message ?? `Could not load ${what} (the server said ${status}).`;
}
