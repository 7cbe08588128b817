// The bank editor (/editor): lists the bank files, opens one as a draft, and as the teacher types asks the server
// to check the draft (debounced), showing each problem and fairness warning next to its field; saves, restores
// earlier versions, imports spreadsheets and exports. Every request carries the teacher password when one is typed;
// on the server's own computer none is needed.
import { setHidden, setText, changeCheck } from '../shared/dom.js';
import { saveBlob } from '../shared/download.js';
import { rememberedPassword, forgetPassword, typedPassword, passwordRequired } from '../shared/teacher-password.js';
import { editorInitial, editorReduce, editorHeaders, editorError, uploadType, UNREACHABLE } from './state.js';
import { mountList } from './list-view.js';
import { mountBank } from './bank-view.js';

const CHECK_DELAY_MS = 400;
const screens = document.getElementById('screens');
const announcer = document.getElementById('announcer');

let state = editorInitial(rememberedPassword());

function dispatch(action) {
  state = editorReduce(state, action);
  render();
}

async function call(method, url, body, contentType) {
  const headers = editorHeaders(state.password, false);
  if (body !== undefined) headers['Content-Type'] = contentType ?? 'application/json';
  const res = await fetch(url, { method, cache: 'no-store', headers,
    body: body === undefined ? undefined : contentType ? body : JSON.stringify(body) });
  const json = (res.headers.get('Content-Type') ?? '').startsWith('application/json') ? await res.json().catch(() => null) : null;
  if (res.status === 401) {
    if (state.password) forgetPassword();
    dispatch({ type: 'denied', message: state.password ? 'That teacher password is not right.' : null });
  }
  return { res, body: json };
}

async function list() {
  try {
    const { res, body } = await call('GET', '/api/editor/banks');
    if (res.ok) dispatch({ type: 'listed', banks: body.banks, images: body.images, folder: body.folder });
    else if (res.status !== 401) dispatch({ type: 'listFailed', message: editorError(res.status, body) });
  } catch {
    dispatch({ type: 'listFailed', message: UNREACHABLE });
  }
}

let checkTimer = null;
let seq = 0;
function scheduleCheck() {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(check, CHECK_DELAY_MS);
}

async function check() {
  if (!state.draft) return;
  const mine = ++seq;
  dispatch({ type: 'checking', seq: mine });
  try {
    const file = /^[A-Za-z0-9][A-Za-z0-9._-]*\.ya?ml$/.test(state.file ?? '') ? state.file : 'draft.yaml';
    const { res, body } = await call('POST', '/api/editor/check', { file, draft: state.draft });
    if (res.ok) dispatch({ type: 'checked', seq: mine, problems: body.problems, warnings: body.warnings, valid: body.valid });
    else dispatch({ type: 'checked', seq: mine, problems: [{ line: 0, message: editorError(res.status, body) }], warnings: [], valid: false });
  } catch {
    dispatch({ type: 'checked', seq: mine, problems: [{ line: 0, message: UNREACHABLE }], warnings: [], valid: false });
  }
}

const actions = {
  usePassword: typedPassword(dispatch, list),
  edit(action) {
    dispatch(action);
    scheduleCheck();
  },
  addQuestion(qtype) {
    actions.edit({ type: 'addQuestion', qtype });
    const cards = document.querySelectorAll('[data-testid="question-card"]');
    cards[cards.length - 1]?.querySelector('textarea, input')?.focus();
  },
  async open(file, status = null) {
    dispatch({ type: 'busy', status: `Opening ${file}…` });
    try {
      const { res, body } = await call('GET', `/api/editor/banks/${encodeURIComponent(file)}`);
      if (res.ok) dispatch({ type: 'opened', ...body, status });
      else if (res.status !== 401) dispatch({ type: 'failed', message: editorError(res.status, body) });
    } catch {
      dispatch({ type: 'failed', message: UNREACHABLE });
    }
  },
  newBank() {
    dispatch({ type: 'newBank' });
  },
  close() {
    dispatch({ type: 'closeBank' });
    list();
  },
  async save() {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*\.ya?ml$/.test(state.file ?? '')) {
      dispatch({ type: 'failed', message: 'Give the bank a file name ending in .yaml (letters, digits, - and _).' });
      return;
    }
    dispatch({ type: 'busy', status: 'Saving…' });
    try {
      const { res, body } = await call('POST', `/api/editor/banks/${encodeURIComponent(state.file)}`, { draft: state.draft, version: state.version });
      if (res.ok) {
        dispatch({ type: 'saved', file: body.file, version: body.version, warnings: body.warnings });
        setText(announcer, state.status);
      } else if (res.status !== 401) {
        dispatch({ type: 'failed', message: editorError(res.status, body), problems: body?.problems });
      }
    } catch {
      dispatch({ type: 'failed', message: UNREACHABLE });
    }
  },
  async listBackups() {
    dispatch({ type: 'busy' });
    const { res, body } = await call('GET', `/api/editor/banks/${encodeURIComponent(state.file)}/backups`);
    if (res.ok) dispatch({ type: 'backups', backups: body.backups });
    else dispatch({ type: 'failed', message: editorError(res.status, body) });
  },
  async restore(backup) {
    if (state.dirty && !window.confirm('Your unsaved edits will be lost. Restore the earlier version?')) return;
    dispatch({ type: 'busy', status: 'Restoring…' });
    const { res, body } = await call('POST', `/api/editor/banks/${encodeURIComponent(state.file)}/restore`, { backup, version: state.version });
    if (res.ok) await actions.open(body.file, 'Restored the earlier version; the version it replaced is kept too.');
    else dispatch({ type: 'failed', message: editorError(res.status, body), problems: body?.problems });
  },
  async exportBank(kind) {
    const path = kind === 'yaml' ? 'yaml' : 'kahoot.xlsx';
    try {
      const res = await fetch(`/api/editor/banks/${encodeURIComponent(state.file)}/${path}`, { cache: 'no-store', headers: editorHeaders(state.password) });
      if (!res.ok) {
        dispatch({ type: 'failed', message: editorError(res.status, await res.json().catch(() => null)) });
        return;
      }
      const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? state.file;
      saveBlob(await res.blob(), name);
      const skipped = res.headers.get('X-Quizroom-Skipped');
      dispatch({ type: 'notice', message: `Exported ${name}.${skipped ? ` Left out (Kahoot! has no such question): ${skipped}.` : ''}` });
    } catch {
      dispatch({ type: 'failed', message: UNREACHABLE });
    }
  },
  async importSheet(file, title) {
    const type = uploadType(file.name);
    if (!type || !type.includes('sheet') && type !== 'text/csv') {
      dispatch({ type: 'failed', message: 'Choose an .xlsx or .csv file.' });
      return;
    }
    dispatch({ type: 'busy', status: 'Reading the spreadsheet…' });
    try {
      const query = new URLSearchParams({ name: file.name, ...(title.trim() ? { title: title.trim() } : {}) });
      const { res, body } = await call('POST', `/api/editor/import?${query}`, file, type);
      if (res.ok) dispatch({ type: 'imported', ...body });
      else if (res.status !== 401) dispatch({ type: 'failed', message: editorError(res.status, body) });
    } catch {
      dispatch({ type: 'failed', message: UNREACHABLE });
    }
  },
  acceptImport() {
    dispatch({ type: 'acceptImport' });
    check();
  },
  dropImport() {
    dispatch({ type: 'dropImport' });
  },
  async uploadImage(index, file) {
    const type = uploadType(file.name);
    if (!type || !type.startsWith('image/')) {
      dispatch({ type: 'failed', message: 'Choose a PNG, JPEG, WebP or SVG picture.' });
      return;
    }
    dispatch({ type: 'busy', status: `Uploading ${file.name}…` });
    try {
      const { res, body } = await call('POST', `/api/editor/images?name=${encodeURIComponent(file.name)}`, file, type);
      if (res.ok) {
        actions.edit({ type: 'imageUploaded', index, name: body.name });
        dispatch({ type: 'notice', message: `Uploaded ${body.name}. Describe it in words for those who cannot see it.` });
      } else if (res.status !== 401) {
        dispatch({ type: 'failed', message: editorError(res.status, body) });
      }
    } catch {
      dispatch({ type: 'failed', message: UNREACHABLE });
    }
  },
};

const views = { list: mountList(screens, actions), bank: mountBank(screens, actions) };

const screenChanged = changeCheck();
function render() {
  const screen = state.draft ? 'bank' : 'list';
  for (const [name, view] of Object.entries(views)) setHidden(view.el, name !== screen);
  views[screen].update(state);
  document.body.dataset.screen = screen;
  document.title = `Quizroom · ${screen === 'bank' ? state.draft.title || 'new bank' : 'bank editor'}`;
  if (screenChanged(screen)) {
    views[screen].el.querySelector('h1')?.focus();
  }
}

window.addEventListener('beforeunload', (e) => {
  if (state.dirty) e.preventDefault();
});

(async () => {
  render();
  try {
    dispatch({ type: 'options', passwordRequired: await passwordRequired() });
    if (state.passwordRequired && !state.password) {
      dispatch({ type: 'denied' });
      return;
    }
  } catch {
    dispatch({ type: 'listFailed', message: UNREACHABLE });
  }
  await list();
})();
