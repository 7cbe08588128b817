import test from 'node:test';
import assert from 'node:assert/strict';
import { reportsInitial, reportsReduce } from '../static/js/reports/state.js';
import { gameStatus, gameRows, needsHelp, answerDetail, answerMark, studentRows, takenOverText }
  from '../static/js/reports/present.js';

const run = (actions, start = reportsInitial()) => actions.reduce(reportsReduce, start);
const game = (extra = {}) => ({ id: 1, pin: '111111', bankId: 'b', bankTitle: 'Bank', createdAt: 0, startedAt: 10,
  endedAt: 20, status: 'finished', endedEarly: false, questionCount: 13, unsavedCount: 0, playerCount: 3, ...extra });

test('a game the teacher ended after 2 of 13 questions says so, and a played-out one that it reached its end', () => {
  assert.deepEqual(gameStatus(game({ endedEarly: true }), 2), { kind: 'ended', word: 'Ended early after 2 of 13 questions',
    detail: 'The teacher ended the game; the results go up to there.' });
  assert.equal(gameStatus(game({ endedEarly: true, questionCount: 1 }), 0).word, 'Ended early after 0 of 1 question');
  assert.equal(gameStatus(game({ endedEarly: true })).word, 'Ended early', 'the list does not know how far');
  assert.deepEqual(gameStatus(game(), 13), { kind: 'finished', word: 'Finished', detail: 'The game reached its end.' });
  assert.equal(gameStatus(game({ startedAt: null }), 0).word, 'Not played', 'closed in the lobby');
  assert.equal(gameStatus(game({ status: 'interrupted', endedEarly: false }), 4).kind, 'interrupted');
  assert.equal(gameStatus(game({ status: 'running' }), 4).word, 'Running');
  const rows = gameRows([game({ endedEarly: true })]);
  assert.equal(rows[0].status, 'ended');
  assert.equal(rows[0].statusWord, 'Ended early');
});

const q = (index, extra = {}) => ({ index, type: 'single', prompt: `Question ${index + 1}?`, points: 1000, ...extra });
const answer = (question, credit, points = credit >= 1 ? 800 : 0) => ({ question, answer: credit > 0 ? 'A' : 'B',
  correct: credit >= 1, credit, points, responseMs: 1000 });
const player = (id, name, answers) => ({ playerId: id, nickname: name, team: null, score: 0, rank: id, correctCount: 0, answers });

test('students under half of the marks need help, weakest first, with the questions most of them missed', () => {
  const report = {
    questions: [q(0), q(1), q(2, { points: 2000 }), q(3, { type: 'poll' }), q(4)],
    players: [
      player(1, 'Ann', [answer(0, 1), answer(1, 1), answer(2, 1), answer(3, 0), answer(4, 1)]),
      // 1000 + 0 + 0 + 0 of 5000: 20%
      player(2, 'Bob', [answer(0, 1), answer(1, 0), answer(2, 0), answer(3, 0), answer(4, 0)]),
      // only the double question: 2000 of 5000 = 40%
      player(3, 'Cy', [answer(0, 0), answer(1, 0), answer(2, 1), answer(3, 0), answer(4, 0)]),
      // half-credit everywhere: 50%, not under half
      player(4, 'Dee', [answer(0, 0.5, 400), answer(1, 0.5, 400), answer(2, 0.5, 800), answer(3, 0), answer(4, 0.5, 400)]),
    ],
  };
  const help = needsHelp(report);
  assert.deepEqual(help.students.map((s) => [s.name, s.share, s.right, s.counted]), [['Bob', 0.2, 1, 4], ['Cy', 0.4, 1, 4]]);
  assert.deepEqual(help.questions.map((m) => [m.index, m.missedBy]), [[1, 2], [4, 2]],
    'missed by both (questions 2 and 5); each of questions 1 and 3 by only one of them; polls never');
});

test('speed does not decide who needs help, and a question a student was not there for does not count', () => {
  const report = {
    questions: [q(0), q(1), q(2)],
    players: [
      player(1, 'Slow', [answer(0, 1, 500), answer(1, 1, 500), answer(2, 0)]), // right twice, slowly
      player(2, 'Late', [answer(0, 0, null), answer(1, 0), answer(2, 1)]), // joined after question 1: half
      player(3, 'Lost', [answer(0, 0, null), answer(1, 0), answer(2, 0)]), // joined after question 1: none
      player(4, 'Gone', [answer(0, 0, null), answer(1, 0, null), answer(2, 0, null)]), // nothing scored
    ],
  };
  const help = needsHelp(report);
  assert.deepEqual(help.students.map((s) => [s.name, s.share, s.counted]), [['Lost', 0, 2]]);
});

test('nobody needs help when every question is worth 0 points and everyone got half', () => {
  const report = { questions: [q(0, { points: 0 }), q(1, { points: 0 })],
    players: [player(1, 'Ann', [answer(0, 1, 0), answer(1, 0, 0)])] };
  assert.deepEqual(needsHelp(report), { students: [], questions: [] });
  assert.deepEqual(needsHelp({ questions: [], players: [] }), { students: [], questions: [] });
});

test('a compact answer cell keeps the answer in words for its tooltip and for screen readers', () => {
  const a = answer(2, 1, 1000);
  assert.equal(answerDetail(2, a, answerMark(a, 'single')), 'Q3, right: A · 1,000 pts · 1.0 s');
  assert.equal(answerDetail(0, null, answerMark(null, 'single')), 'Q1, no answer');
  const rows = studentRows({ questions: [q(2)], players: [player(1, 'Ann', [a])] }).rows;
  assert.equal(rows[0].answers[0].detail, 'Q3, right: A · 1,000 pts · 1.0 s');
});

test('a student’s answers open and close in the table, and another report starts closed', () => {
  let s = run([{ type: 'loading', route: '7', kept: [] }, { type: 'toggleStudent', id: 2 }, { type: 'toggleStudent', id: 5 }]);
  assert.deepEqual(s.openStudents, [2, 5]);
  s = reportsReduce(s, { type: 'toggleStudent', id: 2 });
  assert.deepEqual(s.openStudents, [5]);
  assert.deepEqual(reportsReduce(s, { type: 'loading', route: '7', kept: [] }).openStudents, [5], 'a reload keeps them');
  assert.deepEqual(reportsReduce(s, { type: 'loading', route: '8', kept: [] }).openStudents, []);
});

test('a game another server took over says by which server and when; one server throughout says nothing', () => {
  assert.equal(takenOverText(game({ takenOverBy: 'node-1', takenOverAt: Date.UTC(2026, 10, 29, 14, 3) }), 'UTC'),
    'Taken over by server node-1 at 14:03: the server running the game stopped and another carried it on; '
    + 'answers already saved were kept.');
  assert.equal(takenOverText(game({ takenOverBy: 'node-1', takenOverAt: Date.UTC(2026, 10, 29, 14, 3),
    takenOverCause: 'successor' }), 'UTC'),
  'Taken over by server node-1 at 14:03: the server running the game stopped and another carried it on; '
    + 'answers already saved were kept.');
  assert.equal(takenOverText(game({ takenOverBy: 'node-1', takenOverAt: Date.UTC(2026, 10, 29, 14, 3),
    takenOverCause: 'planned' }), 'UTC'),
  'Handed over to server node-1 at 14:03: the server running the game was shut down and handed it over; '
    + 'answers already saved were kept.', 'a planned hand-over says so');
  assert.equal(takenOverText(game({ takenOverBy: null, takenOverAt: null, takenOverCause: null })), null);
  assert.equal(takenOverText(game()), null, 'a report from before the field existed');
});
