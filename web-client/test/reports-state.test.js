import test from 'node:test';
import assert from 'node:assert/strict';
import { rememberGame, hostKeyFor, validGames, reportLink } from '../static/js/shared/games.js';
import { reportHeaders, routeOf, reportError, csvFileName } from '../static/js/reports/state.js';
import {
  gameRows, answerBars, rightAnswerText, hardestQuestions, studentRows, answerMark, unsavedText, seconds, percent,
  duration, statusText, skillSummary, skillWord,
} from '../static/js/reports/present.js';

const entry = (id, key = `key-${id}`) => ({ gameId: id, pin: '123456', hostToken: key, bank: 'Bank', createdAt: id });

test('the projector keeps every game it creates, newest first, once each, and a bounded number', () => {
  let list = rememberGame(null, entry(1));
  list = rememberGame(list, entry('2'));
  list = rememberGame(list, entry(1, 'key-1b'));
  assert.deepEqual(list.map((g) => [g.gameId, g.hostToken]), [['1', 'key-1b'], ['2', 'key-2']]);
  for (let i = 3; i < 10; i++) list = rememberGame(list, entry(i), 5);
  assert.equal(list.length, 5);
  assert.equal(list[0].gameId, '9');
});

test('a damaged kept list is read as far as it is usable', () => {
  const list = [entry(1), null, { gameId: 'x', hostToken: 'k' }, { gameId: 3 }, 'junk'];
  assert.deepEqual(validGames(list).map((g) => g.gameId), [1]);
  assert.deepEqual(validGames({ not: 'a list' }), []);
  assert.equal(hostKeyFor(list, '1'), 'key-1');
  assert.equal(hostKeyFor(list, 3), null);
});

test('a report is opened with the host key, the password, or both', () => {
  assert.deepEqual(reportHeaders('k', null), { 'X-Host-Key': 'k' });
  assert.deepEqual(reportHeaders(null, 'pw'), { 'X-Teacher-Password': 'pw' });
  assert.deepEqual(reportHeaders('k', 'pw'), { 'X-Host-Key': 'k', 'X-Teacher-Password': 'pw' });
  assert.deepEqual(reportHeaders(null, ''), {});
});

test('the address names the report shown', () => {
  assert.equal(routeOf('#game=1795750205655'), '1795750205655');
  assert.equal(routeOf('', '?game=42'), '42');
  assert.equal(routeOf('#game=abc'), null);
  assert.equal(routeOf(''), null);
  assert.equal(reportLink(42), '/reports#game=42');
  assert.equal(csvFileName(42), 'quizroom-game-42.csv');
});

const summary = (id, createdAt, extra = {}) => ({ id, pin: '111111', bankId: 'b', bankTitle: 'Bank', createdAt,
  startedAt: null, endedAt: null, status: 'finished', questionCount: 4, unsavedCount: 0, playerCount: 3, ...extra });

test('the list of games is newest first, with statuses and losses in words', () => {
  const rows = gameRows([summary(1, 1000), summary(2, 3000, { status: 'interrupted', unsavedCount: 2 }),
    summary(3, 2000, { bankTitle: null })], [entry(3)], 'UTC');
  assert.deepEqual(rows.map((r) => r.id), ['2', '3', '1']);
  assert.equal(rows[0].statusWord, 'Interrupted');
  assert.equal(rows[0].unsaved, '2 results could not be saved.');
  assert.equal(rows[1].bank, 'Bank', 'the kept title when the server has none');
  assert.equal(rows[2].date, '1 Jan 1970, 00:00');
  assert.equal(rows[0].link, '/reports#game=2');
});

test('status, times and counts in words', () => {
  assert.equal(statusText('interrupted').word, 'Interrupted');
  assert.equal(statusText('lobby').word, 'Not started');
  assert.equal(statusText('odd').word, 'odd');
  assert.equal(unsavedText(0), null);
  assert.equal(unsavedText(1), '1 result could not be saved.');
  assert.equal(seconds(3418), '3.4 s');
  assert.equal(seconds(null), '');
  assert.equal(percent(50), '50%');
  assert.equal(percent(33.3), '33.3%');
  assert.equal(percent(null), '');
  assert.equal(duration(0, 45000), '45 s');
  assert.equal(duration(0, 720000), '12 min');
  assert.equal(duration(null, 5), '');
});

const single = { index: 0, type: 'single', prompt: 'Which fault?', options: ['Rudeness', 'Arrogance', 'Caution'],
  solution: { correct: [0] }, counts: [1, 2, 0], percentCorrect: 33.3, answered: 3, playerCount: 3, hardest: true };
const numeric = { index: 1, type: 'numeric', prompt: 'Year?', options: [], solution: { value: 1923, tolerance: 0 },
  counts: [], percentCorrect: 50, answered: 2, playerCount: 3, hardest: true };
const order = { index: 2, type: 'order', prompt: 'Order', options: ['B', 'A'], solution: { order: [1, 0] }, counts: [0, 0],
  percentCorrect: 100, answered: 1, playerCount: 3, hardest: false };
const poll = { index: 3, type: 'poll', prompt: 'Which?', options: ['x', 'y'], solution: {}, counts: [1, 0],
  percentCorrect: null, answered: 1, playerCount: 3, hardest: false };
const players = [
  { playerId: 1, nickname: 'Ann', team: null, score: 2000, rank: 1, correctCount: 2, answers: [
    { question: 0, answer: 'Rudeness', correct: true, credit: 1, points: 955, responseMs: 1818 },
    { question: 1, answer: '1923', correct: true, credit: 1, points: 1000, responseMs: 300 },
    { question: 2, answer: 'A → B', correct: true, credit: 1, points: 900, responseMs: 2000 },
    { question: 3, answer: 'x', correct: false, credit: 0, points: 0, responseMs: 900 }] },
  { playerId: 2, nickname: 'Bob', team: null, score: 0, rank: 2, correctCount: 0, answers: [
    { question: 0, answer: 'Arrogance', correct: false, credit: 0, points: 0, responseMs: 5019 },
    { question: 1, answer: '1922', correct: false, credit: 0, points: 0, responseMs: 4000 },
    { question: 2, answer: null, correct: false, credit: 0, points: 0, responseMs: null },
    { question: 3, answer: null, correct: false, credit: 0, points: null, responseMs: null }] },
];

test('a choice question is charted per option, the right one marked', () => {
  const bars = answerBars(single, players);
  assert.deepEqual(bars.map((b) => [b.letter, b.text, b.count, b.correct]),
    [['A', 'Rudeness', 1, true], ['B', 'Arrogance', 2, false], ['C', 'Caution', 0, false]]);
  assert.equal(bars[1].share, 1);
  assert.ok(answerBars(poll, players).every((b) => !b.correct), 'a poll has no right answer');
});

test('numeric and ordering questions are charted by the answers given, the right ones marked', () => {
  assert.deepEqual(answerBars(numeric, players).map((b) => [b.text, b.count, b.correct]),
    [['1923', 1, true], ['1922', 1, false]]);
  assert.deepEqual(answerBars(order, players).map((b) => [b.text, b.count, b.correct]), [['A → B', 1, true]]);
  const many = Array.from({ length: 12 }, (_, i) => ({ answers: [{ question: 1, answer: String(1900 + i), correct: false }] }));
  const bars = answerBars(numeric, many, 8);
  assert.equal(bars.length, 9);
  assert.equal(bars[8].text, '4 other answers');
});

test('the right answer in words, per question type', () => {
  assert.equal(rightAnswerText(single), 'Rudeness');
  assert.equal(rightAnswerText(numeric), '1923', 'a year as typed');
  assert.equal(rightAnswerText({ ...numeric, solution: { value: 340000, tolerance: 5000 } }), '340,000 (± 5000)');
  assert.equal(rightAnswerText(order), 'A → B');
  assert.equal(rightAnswerText(poll), null);
});

test('the hardest questions, hardest first', () => {
  assert.deepEqual(hardestQuestions({ questions: [numeric, single, order] }).map((q) => q.index), [0, 1]);
});

test('each student: rank, score, right answers out of the scored questions, each answer marked', () => {
  const { teams, scored, rows } = studentRows({ questions: [single, numeric, order, poll], players });
  assert.equal(teams, false);
  assert.equal(scored, 3, 'polls are not scored');
  assert.deepEqual(rows.map((r) => [r.rank, r.name, r.score, r.correct]), [[1, 'Ann', 2000, 2], [2, 'Bob', 0, 0]]);
  assert.deepEqual(rows[1].answers.map((a) => a.mark.symbol), ['✗', '✗', '–', '–']);
  assert.deepEqual(rows[0].answers.map((a) => a.mark.word), ['right', 'right', 'right', 'vote']);
  assert.equal(studentRows({ questions: [], players: [{ ...players[0], team: 'Red team' }] }).teams, true);
});

test('answer marks never rely on colour: a symbol and a word', () => {
  assert.deepEqual(answerMark({ answer: 'x', correct: false, credit: 0.5 }, 'multi'), { kind: 'partly', symbol: '◐', word: 'partly right' });
  assert.equal(answerMark(null, 'single').word, 'no answer');
});

test('report errors in words', () => {
  assert.match(reportError(403, { error: { code: 'forbidden' } }), /does not hold the key/);
  assert.match(reportError(401, { error: { code: 'password_required' } }), /password is not right/);
  assert.match(reportError(503, { error: { code: 'store_unavailable' } }), /cannot be read/);
  assert.match(reportError(500, null), /server said 500/);
});

test('the report groups the share of right answers by kind of thinking, polls and untagged questions aside', () => {
  const questions = [
    { index: 0, type: 'single', skill: 'recall', percentCorrect: 80 },
    { index: 1, type: 'single', skill: 'causation', percentCorrect: 40 },
    { index: 2, type: 'multi', skill: 'recall', percentCorrect: 60 },
    { index: 3, type: 'poll', skill: 'historiography', percentCorrect: null },
    { index: 4, type: 'order', skill: null, percentCorrect: 10 },
    { index: 5, type: 'single', skill: 'historiography', percentCorrect: 25 },
  ];
  assert.deepEqual(skillSummary(questions), [
    { skill: 'recall', label: 'Recall', questions: 2, percentCorrect: 70 },
    { skill: 'causation', label: 'Causation', questions: 1, percentCorrect: 40 },
    { skill: 'historiography', label: 'Historians’ views', questions: 1, percentCorrect: 25 },
  ]);
  assert.equal(skillWord('significance'), 'Significance');
  assert.equal(skillWord(null), null);
});
