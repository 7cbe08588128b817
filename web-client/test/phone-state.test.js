import test from 'node:test';
import assert from 'node:assert/strict';
import { phoneInitial, phoneReduce, phoneClosed, seatOf } from '../static/js/phone/state.js';
import { answerMessage, parseNumber } from '../static/js/phone/answer.js';
import { verdict, aheadParts, answerWords, phoneAnnouncement } from '../static/js/phone/words.js';

const joined = (phase = 'lobby') => ({ type: 'joined', pin: '123456', playerId: 3, name: 'Ann', seatToken: 'tok',
  bankTitle: 'Bank', phase });
const question = (extra = {}) => ({ type: 'question', index: 1, count: 3, questionType: 'single', prompt: 'Q?',
  options: ['a', 'b'], optionCount: 2, points: 1000, timeLimitMs: 20000, phase: 'answering', remainingMs: 20000,
  paused: false, ...extra });
const run = (messages, start = phoneInitial(null, '123456')) => messages.reduce((s, m) => phoneReduce(s, m, 0), start);

test('a link pre-fills the PIN on the join screen', () => {
  const s = phoneInitial(null, '654321');
  assert.equal(s.screen, 'join');
  assert.equal(s.pin, '654321');
});

test('joining in the lobby says you are in and keeps the seat', () => {
  const s = run([joined()]);
  assert.equal(s.screen, 'lobby');
  assert.deepEqual(seatOf(s), { pin: '123456', seatToken: 'tok', name: 'Ann', playerId: 3, score: null, pending: null });
});

test('a stored seat starts by rejoining and the snapshot puts the player back in the question', () => {
  const seat = { pin: '123456', seatToken: 'tok', name: 'Ann', playerId: 3, score: 1500, pending: null };
  let s = phoneInitial(seat, null);
  assert.equal(s.screen, 'rejoining');
  s = phoneReduce(s, joined('answering'));
  assert.equal(s.screen, 'rejoining');
  s = phoneReduce(s, question({ answered: false }));
  assert.equal(s.screen, 'question');
  assert.equal(s.answered, false);
  assert.equal(s.score, 1500);
});

test('a snapshot saying the question was answered shows the answer as sent', () => {
  const s = run([joined('answering'), question({ answered: true })]);
  assert.equal(s.answered, true);
});

test('an unacknowledged answer survives a reconnect and is dropped once acknowledged', () => {
  const pending = { type: 'answer', question: 1, option: 0, nonce: 'n1' };
  let s = { ...run([joined('answering'), question()]), pending };
  s = phoneReduce(s, joined('answering'));
  s = phoneReduce(s, question({ answered: false }));
  assert.deepEqual(s.pending, pending);
  s = phoneReduce(s, { type: 'answerAck', question: 1, nonce: 'n1' });
  assert.equal(s.pending, null);
  assert.equal(s.answered, true);
});

test('a new question clears the previous answer', () => {
  let s = run([joined(), question(), { type: 'answerAck', question: 1 }]);
  s = phoneReduce(s, question({ index: 2, phase: 'intro', remainingMs: 4000 }));
  assert.equal(s.answered, false);
  assert.equal(s.question.index, 2);
});

test('join errors are shown in the server words on the join screen', () => {
  const s = run([{ type: 'error', code: 'name_taken', message: 'Someone already has that nickname; try another.', ref: 'join' }],
    { ...phoneInitial(null, '123456'), joining: true });
  assert.equal(s.screen, 'join');
  assert.equal(s.joining, false);
  assert.equal(s.error, 'Someone already has that nickname; try another.');
});

test('a seat that is no longer valid goes back to the join form and forgets the seat', () => {
  const seat = { pin: '123456', seatToken: 'tok', name: 'Ann', playerId: 3 };
  const s = phoneReduce(phoneInitial(seat), { type: 'error', code: 'room_not_found', message: 'No game', ref: 'rejoin' });
  assert.equal(s.screen, 'join');
  assert.equal(seatOf(s), null);
  assert.equal(s.error, null);
});

test('an answer refused as already answered counts as sent; a late one shows why', () => {
  let s = { ...run([joined(), question()]), pending: { question: 1 } };
  assert.equal(phoneReduce(s, { type: 'error', code: 'already_answered', message: 'x', ref: 'answer' }).answered, true);
  s = phoneReduce(s, { type: 'error', code: 'late', message: 'Time is up for this question.', ref: 'answer' });
  assert.equal(s.pending, null);
  assert.equal(s.notice, 'Time is up for this question.');
});

test('result, final and finished', () => {
  let s = run([joined(), question(), { type: 'result', index: 1, questionType: 'single', solution: { correct: [0] },
    answered: true, correct: true, credit: 1, points: 950, bonus: 0, streak: 1, score: 950, rank: 1, playerCount: 2 }]);
  assert.equal(s.screen, 'result');
  assert.equal(s.score, 950);
  s = phoneReduce(s, { type: 'final', top: [], you: { rank: 2, score: 2000 }, playerCount: 3 });
  assert.equal(s.screen, 'final');
  s = phoneReduce(s, { type: 'finished' });
  assert.equal(s.screen, 'final');
  assert.equal(s.finished, true);
  assert.equal(seatOf(s), null);
});

test('kicked and closes', () => {
  assert.equal(run([joined(), { type: 'kicked' }]).screen, 'kicked');
  assert.equal(phoneClosed(run([joined()]), 4000).screen, 'replaced');
  assert.equal(phoneClosed(run([joined()]), 4002).screen, 'ended');
});

test('answer messages by question type', () => {
  const q = (type, optionCount = 4) => ({ index: 2, type, optionCount });
  assert.deepEqual(answerMessage(q('single'), 1, 'n'), { type: 'answer', question: 2, nonce: 'n', option: 1 });
  assert.deepEqual(answerMessage(q('multi'), [3, 0], 'n').options, [0, 3]);
  assert.equal(answerMessage(q('multi'), [], 'n'), null);
  assert.deepEqual(answerMessage(q('order', 3), [2, 0, 1], 'n').order, [2, 0, 1]);
  assert.equal(answerMessage(q('order', 3), [2, 0], 'n'), null);
  assert.equal(answerMessage(q('numeric'), '1923', 'n').value, 1923);
  assert.equal(answerMessage(q('numeric'), 'abc', 'n'), null);
});

test('numbers typed on phones', () => {
  assert.equal(parseNumber('1923'), 1923);
  assert.equal(parseNumber(' 2,5 '), 2.5);
  assert.equal(parseNumber('340,000'), 340000);
  assert.equal(parseNumber('-3.75'), -3.75);
  assert.equal(parseNumber('\u22124'), -4);
  assert.equal(parseNumber(''), null);
  assert.equal(parseNumber('1e400'), null);
  assert.equal(parseNumber('12abc'), null);
});

test('result words', () => {
  const r = { questionType: 'single', answered: true, correct: false, credit: 0, rank: 2, playerCount: 3,
    ahead: { name: 'Bob', gap: 120 }, solution: { correct: [1] } };
  assert.equal(verdict(r).text, 'Wrong');
  assert.equal(verdict({ ...r, credit: 0.5 }).text, 'Partly right');
  assert.equal(verdict({ ...r, answered: false }).text, 'No answer');
  assert.equal(verdict({ ...r, questionType: 'poll' }).kind, 'poll');
  assert.deepEqual(aheadParts(r), { text: '120 points behind ', name: 'Bob' });
  assert.deepEqual(aheadParts({ ...r, ahead: { name: 'Bob', gap: 0 } }), { text: 'Level with ', name: 'Bob' });
  assert.deepEqual(aheadParts({ ...r, rank: 1 }), { text: 'You are in the lead', name: '' });
});

test('an answer sent in words, for every question type', () => {
  const options = ['Zinoviev', 'Kamenev', 'Bukharin'];
  assert.equal(answerWords({ question: 0, option: 1 }, options), 'B, Kamenev');
  assert.equal(answerWords({ question: 0, option: 1 }, null), 'B');
  assert.equal(answerWords({ question: 0, options: [0, 2] }, options), 'A, Zinoviev and C, Bukharin');
  assert.equal(answerWords({ question: 0, options: [0, 1, 2] }, null), 'A; B and C');
  assert.equal(answerWords({ question: 0, order: [2, 0, 1] }, options), '1. C, Bukharin; 2. A, Zinoviev; 3. B, Kamenev');
  assert.equal(answerWords({ question: 0, value: 1922 }, [], 'AD'), '1922 AD');
  assert.equal(answerWords({ question: 0, value: 340000 }, []), '340,000');
  assert.equal(answerWords(null, options), '');
});

test('the live region announces the question, the sent answer and the result', () => {
  const a = run([joined()]);
  const b = phoneReduce(a, question());
  assert.equal(phoneAnnouncement(a, b), 'Question 2 of 3. Answer now.');
  const c = phoneReduce(b, { type: 'answerAck', question: 1 });
  assert.equal(phoneAnnouncement(b, c), 'Answer sent.');
  const said = phoneReduce({ ...b, mine: { answer: { question: 1, option: 1 }, options: ['a', 'b'] } },
    { type: 'answerAck', question: 1 });
  assert.equal(phoneAnnouncement(b, said), 'Answer sent: B, b.');
  const d = phoneReduce(c, { type: 'result', index: 1, questionType: 'single', answered: true, correct: true, credit: 1,
    points: 950, bonus: 0, streak: 1, score: 950, rank: 1, playerCount: 2 });
  assert.equal(phoneAnnouncement(c, d), 'Correct. Plus 950 points. Total 950 points. 1st of 2.');
});
