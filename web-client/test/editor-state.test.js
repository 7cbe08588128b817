import test from 'node:test';
import assert from 'node:assert/strict';
import {
  editorInitial, editorReduce, newQuestion, idFromTitle, problemsAt, countText, numberOrNull, wholeOrNull, tagsOf,
  uploadType, editorError, editorHeaders, textOrNull,
} from '../static/js/editor/state.js';

const run = (s, ...actions) => actions.reduce(editorReduce, s);
const fresh = () => run(editorInitial(), { type: 'newBank' });

test('a new bank takes its id and file name from its title until the teacher types an id', () => {
  let s = run(fresh(), { type: 'setBank', field: 'title', value: 'Lenin’s Testament, 1923' });
  assert.equal(s.draft.id, 'lenin-s-testament-1923');
  assert.equal(s.file, 'lenin-s-testament-1923.yaml');
  assert.equal(s.version, 'none');
  assert.ok(s.dirty);
  s = run(s, { type: 'setBank', field: 'id', value: 'testament' }, { type: 'setBank', field: 'title', value: 'Other' });
  assert.equal(s.draft.id, 'testament');
  assert.equal(idFromTitle('  Ça va?  '), 'ca-va');
});

test('questions of every type are added with free ids and the options their type needs', () => {
  let s = fresh();
  for (const t of ['single', 'multi', 'truefalse', 'order', 'numeric', 'poll']) s = run(s, { type: 'addQuestion', qtype: t });
  assert.deepEqual(s.draft.questions.map((q) => q.id), ['q1', 'q2', 'q3', 'q4', 'q5', 'q6']);
  assert.deepEqual(s.draft.questions.map((q) => q.options.length), [4, 4, 0, 4, 0, 3]);
  assert.equal(s.draft.questions[2].trueFalseAnswer, true);
  assert.equal(newQuestion('single', ['q1', 'q3']).id, 'q2');
});

test('a single question has one right option; a multi question several', () => {
  let s = run(fresh(), { type: 'addQuestion', qtype: 'single' }, { type: 'addQuestion', qtype: 'multi' });
  s = run(s, { type: 'setOption', index: 0, option: 1, field: 'correct', value: true },
    { type: 'setOption', index: 0, option: 2, field: 'correct', value: true });
  assert.deepEqual(s.draft.questions[0].options.map((o) => o.correct), [false, false, true, false]);
  s = run(s, { type: 'setOption', index: 1, option: 0, field: 'correct', value: true },
    { type: 'setOption', index: 1, option: 3, field: 'correct', value: true });
  assert.deepEqual(s.draft.questions[1].options.map((o) => o.correct), [true, false, false, true]);
});

test('questions and options are moved, duplicated and deleted', () => {
  let s = run(fresh(), { type: 'addQuestion', qtype: 'single' }, { type: 'addQuestion', qtype: 'poll' });
  s = run(s, { type: 'setQuestion', index: 0, field: 'prompt', value: 'First' }, { type: 'moveQuestion', index: 0, by: 1 });
  assert.deepEqual(s.draft.questions.map((q) => q.prompt), ['', 'First']);
  s = run(s, { type: 'moveQuestion', index: 1, by: 1 });
  assert.deepEqual(s.draft.questions.map((q) => q.prompt), ['', 'First'], 'the last question cannot move down');
  s = run(s, { type: 'duplicateQuestion', index: 1 });
  assert.deepEqual(s.draft.questions.map((q) => [q.id, q.prompt]), [['q2', ''], ['q1', 'First'], ['q3', 'First']]);
  s = run(s, { type: 'setOption', index: 1, option: 0, field: 'text', value: 'a' }, { type: 'moveOption', index: 1, option: 0, by: 1 });
  assert.equal(s.draft.questions[1].options[1].text, 'a');
  assert.equal(s.draft.questions[2].options[0].text, '', 'a duplicate is a copy, not the same object');
  s = run(s, { type: 'deleteOption', index: 1, option: 1 }, { type: 'deleteQuestion', index: 0 });
  assert.equal(s.draft.questions.length, 2);
  assert.equal(s.draft.questions[0].options.length, 3);
});

test('switching type keeps what was typed and adds options where the new type needs them', () => {
  let s = run(fresh(), { type: 'addQuestion', qtype: 'numeric' }, { type: 'setQuestion', index: 0, field: 'numericAnswer', value: 1924 });
  s = run(s, { type: 'setType', index: 0, qtype: 'single' });
  assert.equal(s.draft.questions[0].options.length, 4);
  assert.equal(s.draft.questions[0].numericAnswer, 1924);
});

test('an older check answer never replaces a newer one', () => {
  let s = run(fresh(), { type: 'checking', seq: 1 }, { type: 'checking', seq: 2 });
  s = run(s, { type: 'checked', seq: 1, problems: [{ message: 'old' }], warnings: [], valid: false });
  assert.equal(s.problems.length, 0);
  assert.ok(s.checking);
  s = run(s, { type: 'checked', seq: 2, problems: [], warnings: [{ message: 'w', question: 0 }], valid: true });
  assert.equal(s.valid, true);
  assert.equal(s.warnings.length, 1);
});

test('problems are found by question, field and option', () => {
  const list = [
    { message: 'bank', question: null, field: 'title' },
    { message: 'q', question: 0, field: null },
    { message: 'p', question: 0, field: 'prompt' },
    { message: 'o', question: 0, field: 'options', option: 2 },
  ];
  assert.deepEqual(problemsAt(list, null, 'title').map((p) => p.message), ['bank']);
  assert.deepEqual(problemsAt(list, 0).map((p) => p.message), ['q', 'p', 'o']);
  assert.deepEqual(problemsAt(list, 0, null).map((p) => p.message), ['q']);
  assert.deepEqual(problemsAt(list, 0, 'options', 2).map((p) => p.message), ['o']);
  assert.equal(countText([1, 2], [1]), '2 problems, 1 warning');
  assert.equal(countText([], []), '');
});

test('saving, importing and restoring move the page along', () => {
  let s = run(fresh(), { type: 'addQuestion', qtype: 'single' }, { type: 'busy' },
    { type: 'saved', file: 'x.yaml', version: 'v1', warnings: [] });
  assert.equal(s.version, 'v1');
  assert.equal(s.dirty, false);
  assert.match(s.status, /New games can use it now/);
  s = run(editorInitial(), { type: 'imported', file: 'quiz.yaml', draft: { title: 'Quiz', id: 'quiz', questions: [newQuestion('single')] }, refused: [{ row: 5, message: 'no answer' }], notes: [] });
  assert.equal(s.review.refused[0].row, 5);
  assert.equal(s.draft, null, 'nothing is opened until the teacher accepts the import');
  s = run(s, { type: 'acceptImport' });
  assert.equal(s.file, 'quiz.yaml');
  assert.equal(s.version, 'none');
  assert.ok(s.dirty);
  s = run(s, { type: 'imageUploaded', index: 0, name: 'map.png' });
  assert.equal(s.draft.questions[0].image, 'map.png');
  assert.deepEqual(s.images, ['map.png']);
});

test('typed values become what the draft holds', () => {
  assert.equal(numberOrNull(''), null);
  assert.equal(numberOrNull('1.5'), 1.5);
  assert.equal(numberOrNull('x'), null);
  assert.equal(wholeOrNull('20.4'), 20);
  assert.equal(textOrNull('  '), null);
  assert.deepEqual(tagsOf(' a, b ,, c'), ['a', 'b', 'c']);
  assert.equal(uploadType('Map.PNG'), 'image/png');
  assert.equal(uploadType('quiz.xlsx'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.equal(uploadType('notes.pdf'), null);
  assert.deepEqual(editorHeaders('pw', true), { 'X-Teacher-Password': 'pw', 'Content-Type': 'application/json' });
  assert.match(editorError(401, { error: { code: 'password_required' } }), /teacher password/);
  assert.match(editorError(413, null), /too large/);
});
