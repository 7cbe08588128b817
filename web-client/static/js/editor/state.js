// Pure state of the bank editor (/editor): the page's steps (editorReduce) in, view state out; plus what its
// requests need (the draft as the server reads it, headers, errors in words) and which problems belong to which
// field. No DOM, no fetch, no clock. The editor never checks a rule itself: problems come from the server's check.

import { teacherReduce, withPassword } from '../shared/teacher.js';

export const TYPES = ['single', 'multi', 'truefalse', 'order', 'numeric', 'poll'];
export const TYPE_NAMES = {
  single: 'One right answer', multi: 'Several right answers', truefalse: 'True or false',
  order: 'Put in order', numeric: 'Number', poll: 'Poll (no right answer)',
};
export const SKILLS = ['recall', 'chronology', 'causation', 'significance', 'historiography'];
export const POINTS = [{ value: null, label: 'Standard (1000)' }, { value: 2000, label: 'Double (2000)' }, { value: 0, label: 'No points' }];
export const UNREACHABLE = 'Could not reach the server. Is it running?';

export function editorInitial(password = null) {
  return {
    access: 'unknown', // 'unknown' | 'ok' | 'denied'
    passwordRequired: null,
    password,
    banks: null, // the bank files, once listed
    images: [],
    folder: null,
    listError: null,
    file: null, // the file name the draft is saved as ('' until a new bank is named)
    version: null, // the version opened ('none' for a new file)
    draft: null,
    dirty: false,
    problems: [], // from the server's check, placed by question, field and option
    warnings: [],
    valid: null,
    checkSeq: 0, // the last check asked for; older answers are ignored
    checking: false,
    status: null, // what the last action did, in words
    error: null,
    busy: false,
    backups: null,
    review: null, // an imported sheet waiting for the teacher's look: {file, draft, refused, notes}
  };
}

const EMPTY_OPTIONS = { single: 4, multi: 4, poll: 3, order: 4 };

/** A question of this type with nothing filled in; its id is the first free q1, q2, ... */
export function newQuestion(type, takenIds = []) {
  let n = 1;
  while (takenIds.includes(`q${n}`)) n++;
  const count = EMPTY_OPTIONS[type] ?? 0;
  return {
    id: `q${n}`, type, prompt: '', image: null, imageAlt: null,
    options: Array.from({ length: count }, () => ({ text: '', explanation: null, correct: false })),
    trueFalseAnswer: type === 'truefalse' ? true : null, numericAnswer: null, tolerance: null, unit: null,
    timeLimit: null, points: null, skill: null, explanation: null, source: null, tags: [],
  };
}

/** A new bank's draft. */
export function newDraft() {
  return { id: '', title: '', description: null, topic: null, timeLimit: null, questions: [] };
}

/** A bank id made from a title: lower-case letters, digits and '-'. */
export function idFromTitle(title) {
  return String(title ?? '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
}

const ids = (draft) => draft.questions.map((q) => q.id);

function editQuestion(s, index, change) {
  const questions = s.draft.questions.map((q, i) => (i === index ? change(q) : q));
  return edited(s, { ...s.draft, questions });
}

function edited(s, draft) {
  return { ...s, draft, dirty: true, status: null };
}

function move(list, index, by) {
  const to = index + by;
  if (to < 0 || to >= list.length) return list;
  const copy = list.slice();
  [copy[index], copy[to]] = [copy[to], copy[index]];
  return copy;
}

function setOption(q, option, field, value) {
  const options = q.options.map((o, i) => {
    if (field === 'correct' && q.type === 'single') return { ...o, correct: i === option ? !!value : value ? false : o.correct };
    return i === option ? { ...o, [field]: value } : o;
  });
  return { ...q, options };
}

/** Applies one step of the page. */
export function editorReduce(s, a) {
  switch (a.type) {
    case 'options':
    case 'password':
      return teacherReduce(s, a);
    case 'listed':
      return { ...s, access: 'ok', banks: a.banks, images: a.images ?? [], folder: a.folder ?? null, listError: null };
    case 'denied':
      return { ...s, access: 'denied', banks: null, error: a.message ?? null };
    case 'listFailed':
      return { ...s, listError: a.message };
    case 'busy':
      return { ...s, busy: true, error: null, status: a.status ?? null };
    case 'failed':
      return { ...s, busy: false, error: a.message, problems: a.problems ?? s.problems };
    case 'notice':
      return { ...s, busy: false, status: a.message };
    case 'opened':
      return { ...s, busy: false, file: a.file, version: a.version, draft: a.draft, dirty: false, review: null,
        backups: null, problems: a.problems ?? [], warnings: a.warnings ?? [], valid: (a.problems ?? []).length === 0,
        error: a.draft ? null : 'This file is not a bank the editor can read; fix it by hand (see the problems).',
        status: a.status ?? null };
    case 'newBank':
      return { ...s, file: '', version: 'none', draft: newDraft(), dirty: false, review: null, backups: null,
        problems: [], warnings: [], valid: null, error: null, status: null };
    case 'closeBank':
      return { ...s, file: null, version: null, draft: null, dirty: false, backups: null, problems: [], warnings: [],
        error: null, status: null };
    case 'setFile':
      return { ...s, file: a.file };
    case 'setBank': {
      const draft = { ...s.draft, [a.field]: a.value };
      // A new bank's id follows its title until the teacher types one.
      if (a.field === 'title' && s.version === 'none' && (s.draft.id === '' || s.draft.id === idFromTitle(s.draft.title))) {
        draft.id = idFromTitle(a.value);
      }
      const next = edited(s, draft);
      if (a.field === 'id' || a.field === 'title') {
        if (s.version === 'none' && (s.file === '' || s.file === `${s.draft.id}.yaml`)) next.file = draft.id ? `${draft.id}.yaml` : '';
      }
      return next;
    }
    case 'addQuestion':
      return edited(s, { ...s.draft, questions: [...s.draft.questions, newQuestion(a.qtype, ids(s.draft))] });
    case 'setQuestion':
      return editQuestion(s, a.index, (q) => ({ ...q, [a.field]: a.value }));
    case 'setType':
      return editQuestion(s, a.index, (q) => {
        const options = q.options.length === 0 && EMPTY_OPTIONS[a.qtype]
          ? newQuestion(a.qtype).options : q.options;
        return { ...q, type: a.qtype, options,
          trueFalseAnswer: a.qtype === 'truefalse' && q.trueFalseAnswer == null ? true : q.trueFalseAnswer };
      });
    case 'moveQuestion':
      return edited(s, { ...s.draft, questions: move(s.draft.questions, a.index, a.by) });
    case 'duplicateQuestion': {
      const copy = structuredClone(s.draft.questions[a.index]);
      copy.id = newQuestion(copy.type, ids(s.draft)).id;
      const questions = s.draft.questions.slice();
      questions.splice(a.index + 1, 0, copy);
      return edited(s, { ...s.draft, questions });
    }
    case 'deleteQuestion':
      return edited(s, { ...s.draft, questions: s.draft.questions.filter((_, i) => i !== a.index) });
    case 'addOption':
      return editQuestion(s, a.index, (q) => ({ ...q, options: [...q.options, { text: '', explanation: null, correct: false }] }));
    case 'setOption':
      return editQuestion(s, a.index, (q) => setOption(q, a.option, a.field, a.value));
    case 'moveOption':
      return editQuestion(s, a.index, (q) => ({ ...q, options: move(q.options, a.option, a.by) }));
    case 'deleteOption':
      return editQuestion(s, a.index, (q) => ({ ...q, options: q.options.filter((_, i) => i !== a.option) }));
    case 'checking':
      return { ...s, checkSeq: a.seq, checking: true };
    case 'checked':
      if (a.seq !== s.checkSeq) return s; // an answer to an older draft
      return { ...s, checking: false, problems: a.problems, warnings: a.warnings, valid: a.valid };
    case 'saved':
      return { ...s, busy: false, file: a.file, version: a.version, dirty: false, warnings: a.warnings ?? s.warnings,
        problems: [], valid: true, error: null, backups: null,
        status: `Saved ${a.file}. New games can use it now.` };
    case 'backups':
      return { ...s, busy: false, backups: a.backups };
    case 'imported':
      return { ...s, busy: false, error: null,
        review: { file: a.file, draft: a.draft, refused: a.refused ?? [], notes: a.notes ?? [] } };
    case 'acceptImport':
      return { ...s, file: s.review.file, version: 'none', draft: s.review.draft, dirty: true, review: null,
        backups: null, problems: [], warnings: [], valid: null,
        status: `Imported ${s.review.draft.questions.length} questions. Check them, then save.` };
    case 'dropImport':
      return { ...s, review: null };
    case 'imageUploaded':
      return editQuestion({ ...s, busy: false, images: [...new Set([...s.images, a.name])].sort() }, a.index,
        (q) => ({ ...q, image: a.name }));
    default:
      return s;
  }
}

/** The problems (or warnings) of one place: a question (null for the bank), a field, an option. */
export function problemsAt(list, question, field = undefined, option = undefined) {
  return (list ?? []).filter((p) => (p.question ?? null) === question
    && (field === undefined || (p.field ?? null) === field)
    && (option === undefined || (p.option ?? null) === option));
}

/** How many problems and warnings a question has, in words ("2 problems, 1 warning"), or '' for none. */
export function countText(problems, warnings) {
  const part = (n, word) => (n === 0 ? null : `${n} ${word}${n === 1 ? '' : 's'}`);
  return [part(problems.length, 'problem'), part(warnings.length, 'warning')].filter(Boolean).join(', ');
}

/** Text typed in a field as the draft holds it: null for nothing. */
export function textOrNull(value) {
  return value == null || String(value).trim() === '' ? null : String(value);
}

/** A number typed in a field: null for nothing; NaN stays out (the server would be told nothing). */
export function numberOrNull(value) {
  if (value == null || String(value).trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** A whole number typed in a field, or null. */
export function wholeOrNull(value) {
  const n = numberOrNull(value);
  return n == null ? null : Math.round(n);
}

/** Tags typed as "a, b, c". */
export function tagsOf(text) {
  return String(text ?? '').split(',').map((t) => t.trim()).filter(Boolean);
}

/** Headers of the editor's requests: the teacher password when one is typed. */
export function editorHeaders(password, json = false) {
  return withPassword(json ? { 'Content-Type': 'application/json' } : {}, password);
}

/** The media type to upload a spreadsheet or picture file as, from its name; null for one the server refuses. */
export function uploadType(fileName) {
  const ending = /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  return {
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv',
    png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', svg: 'image/svg+xml',
  }[ending] ?? null;
}

/** An HTTP error of the editor's API in words. */
export function editorError(status, body) {
  const code = body?.error?.code;
  if (code === 'password_required') return 'Editing banks needs the teacher password (or this page opened on the server\'s own computer).';
  if (code === 'bank_conflict') return body.error.message + ' Your edits are still here: copy what you need, then reopen the bank.';
  if (code === 'bank_invalid') return 'Not saved: fix the problems marked below first.';
  if (status === 413) return 'That file is too large (a spreadsheet may be 5 MiB, a picture 2 MiB).';
  return body?.error?.message ?? `The server said ${status}.`;
}
