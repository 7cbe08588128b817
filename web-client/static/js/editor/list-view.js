// The editor's start: the teacher's authority (or how to get it), the bank files, a new bank, a spreadsheet import
// and its review before anything is saved.
import { h, fill, setText, setHidden, changeCheck } from '../shared/dom.js';

export function mountList(root, actions) {
  const password = h('input', { id: 'editor-password', type: 'password', autocomplete: 'current-password', 'data-testid': 'editor-password' });
  const access = h('div', { class: 'access', hidden: true, 'data-testid': 'access' },
    h('h2', {}, 'Editing needs the teacher'),
    h('p', {}, 'Only the teacher may change question banks. Open this page on the server\'s own computer, or type the teacher password (the setup screen of that computer shows it; a configured password is in QUIZROOM_TEACHER_PASSWORD).'),
    h('form', { class: 'password-form', onsubmit: (e) => { e.preventDefault(); actions.usePassword(password.value); } },
      h('label', { for: 'editor-password' }, 'Teacher password'), password,
      h('button', { type: 'submit', class: 'button primary', 'data-testid': 'editor-password-submit' }, 'Unlock editing')));
  const accessError = h('p', { class: 'notice', role: 'alert', hidden: true, 'data-testid': 'access-error' });
  const banks = h('tbody', {});
  const table = h('table', { class: 'bank-files', 'data-testid': 'bank-files' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Bank'), h('th', { scope: 'col' }, 'File'), h('th', { scope: 'col', class: 'num' }, 'Questions'),
      h('th', { scope: 'col' }, 'State'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
    banks);
  const listError = h('p', { class: 'notice', role: 'alert', hidden: true });
  const sheet = h('input', { id: 'import-file', type: 'file', accept: '.xlsx,.csv', 'data-testid': 'import-file' });
  const sheetTitle = h('input', { id: 'import-title', type: 'text', 'data-testid': 'import-title' });
  const importError = h('p', { class: 'notice', role: 'alert', hidden: true, 'data-testid': 'import-error' });
  const review = h('div', { class: 'review', hidden: true, 'data-testid': 'import-review' });
  const work = h('div', { class: 'work', hidden: true },
    h('div', { class: 'toolbar' },
      h('button', { type: 'button', class: 'button primary', 'data-testid': 'new-bank', onclick: () => actions.newBank() }, 'New bank')),
    h('h2', {}, 'Banks'),
    table, listError,
    h('h2', {}, 'Import a spreadsheet'),
    h('p', { class: 'hint' }, 'The Kahoot! quiz template (.xlsx), or a CSV file with the same columns: Question, Answer 1–6, Time limit, Correct answer(s). You review the questions before anything is saved.'),
    h('form', { class: 'import-form', onsubmit: (e) => { e.preventDefault(); if (sheet.files?.[0]) actions.importSheet(sheet.files[0], sheetTitle.value); } },
      h('div', { class: 'field' }, h('label', { for: 'import-file' }, 'Spreadsheet file'), sheet),
      h('div', { class: 'field' }, h('label', { for: 'import-title' }, 'Title of the new bank (empty: the file\'s name)'), sheetTitle),
      h('button', { type: 'submit', class: 'button', 'data-testid': 'import-submit' }, 'Import')),
    importError, review);

  const el = h('section', { class: 'screen screen-list', 'data-testid': 'screen-list', 'aria-labelledby': 'list-h' },
    h('h1', { id: 'list-h', tabindex: -1 }, 'Question banks'),
    access, accessError, work);
  root.append(el);

  const banksChanged = changeCheck();
  const reviewChanged = changeCheck();
  return {
    el,
    update(s) {
      setHidden(access, s.access !== 'denied');
      setHidden(work, s.access !== 'ok');
      setText(accessError, s.access === 'denied' ? s.error : null);
      setHidden(accessError, !(s.access === 'denied' && s.error));
      if (banksChanged(s.banks)) {
        fill(banks, (s.banks ?? []).map((b) => h('tr', { 'data-testid': 'bank-file' },
          h('td', { class: 'wrap' }, b.title ?? '(cannot be read)'),
          h('td', {}, h('code', {}, b.file)),
          h('td', { class: 'num' }, String(b.questionCount)),
          h('td', {}, b.valid ? (b.served ? '✓ In use' : 'Valid') : `✗ ${b.problemCount} problem${b.problemCount === 1 ? '' : 's'}${b.served ? ' (the last good version is in use)' : ''}`),
          h('td', {}, h('button', { type: 'button', class: 'button small', 'data-testid': 'open-bank', 'aria-label': `Open ${b.title ?? b.file}`, onclick: () => actions.open(b.file) }, 'Open')))));
      }
      setText(listError, s.listError);
      setHidden(listError, !s.listError);
      const importMessage = s.review == null && s.draft == null ? s.error : null;
      setText(importError, importMessage);
      setHidden(importError, !importMessage);
      if (reviewChanged(s.review)) {
        setHidden(review, !s.review);
        if (s.review) {
          const r = s.review;
          fill(review, h('h2', { tabindex: -1 }, `Review the import: ${r.draft.title}`),
            h('p', { 'data-testid': 'import-summary' }, `${r.draft.questions.length} question${r.draft.questions.length === 1 ? '' : 's'} read; ${r.refused.length} row${r.refused.length === 1 ? '' : 's'} left out.`),
            h('ol', { class: 'review-questions' }, r.draft.questions.map((q) => h('li', { 'data-testid': 'import-question' },
              h('span', { class: 'wrap' }, q.prompt ?? ''), ' ',
              h('span', { class: 'hint' }, `(${q.options.map((o) => `${o.correct ? '✓ ' : ''}${o.text}`).join(' · ')})`)))),
            r.refused.length ? h('div', {}, h('h3', {}, 'Rows left out'),
              h('ul', {}, r.refused.map((p) => h('li', { 'data-testid': 'refused-row' }, h('strong', {}, `Row ${p.row}: `), p.message)))) : null,
            r.notes.length ? h('div', {}, h('h3', {}, 'Changed while reading'),
              h('ul', {}, r.notes.map((p) => h('li', { 'data-testid': 'import-note' }, h('strong', {}, `Row ${p.row}: `), p.message)))) : null,
            h('div', { class: 'toolbar' },
              h('button', { type: 'button', class: 'button primary', 'data-testid': 'import-accept', onclick: () => actions.acceptImport() }, 'Edit these questions'),
              h('button', { type: 'button', class: 'button', 'data-testid': 'import-drop', onclick: () => actions.dropImport() }, 'Discard')));
        }
      }
    },
  };
}
