import test from 'node:test';
import assert from 'node:assert/strict';
import { phoneInitial, phoneReduce, phoneAction, seatOf, draftPicks, orderArrangement } from '../static/js/phone/state.js';
import { phoneAnnouncement } from '../static/js/phone/words.js';

const start = phoneInitial(null, '123456');

test('joining keeps the PIN and name typed and waits for the server', () => {
  const s = phoneAction({ ...start, error: 'old' }, { type: 'joining', pin: '654321', name: 'Ann' });
  assert.equal(s.pin, '654321');
  assert.equal(s.name, 'Ann');
  assert.equal(s.joining, true);
  assert.equal(s.error, null);
  assert.equal(s.screen, 'join');
});

test('picking a team remembers which, so a refusal can mark it full', () => {
  const choosing = phoneReduce(start, { type: 'chooseTeam', teams: [{ id: 1, name: 'Red team', size: 1, full: false }] });
  const s = phoneAction({ ...choosing, error: 'old' }, { type: 'pickingTeam', team: 1 });
  assert.equal(s.chosenTeam, 1);
  assert.equal(s.joining, true);
  assert.equal(s.error, null);
  const refused = phoneReduce(s, { type: 'error', code: 'team_full', message: 'Full.', ref: 'join' });
  assert.equal(refused.teams[0].full, true);
});

test('changing the nickname goes back to the join form and forgets the teams offered', () => {
  const choosing = phoneReduce(start, { type: 'chooseTeam', teams: [{ id: 1, name: 'Red team', size: 0 }] });
  const s = phoneAction({ ...choosing, joining: true, error: 'old' }, { type: 'changeName' });
  assert.equal(s.screen, 'join');
  assert.equal(s.teams, null);
  assert.equal(s.joining, false);
  assert.equal(s.error, null);
});

test('a join form error is shown in words', () => {
  const s = phoneAction(start, { type: 'joinError', message: 'The PIN has 6 digits: it is on the big screen.' });
  assert.equal(s.error, 'The PIN has 6 digits: it is on the big screen.');
});

test('an answer waits in the seat until the server acknowledges it', () => {
  const seated = phoneReduce(start, { type: 'joined', pin: '123456', playerId: 3, name: 'Ann', seatToken: 'tok',
    bankTitle: 'Bank', phase: 'lobby' });
  const answer = { type: 'answer', question: 0, nonce: 'n', option: 1 };
  const s = phoneAction({ ...seated, notice: 'old' }, { type: 'answering', answer });
  assert.deepEqual(s.pending, answer);
  assert.equal(s.notice, null);
  assert.deepEqual(seatOf(s).pending, answer);
});

test('a switch with no socket becomes a notice', () => {
  assert.equal(phoneAction(start, { type: 'notConnected' }).notice, 'Not connected: try again in a moment.');
});

test('an unknown step changes nothing', () => {
  assert.equal(phoneAction(start, { type: 'nonsense' }), start);
});

const multi = { type: 'question', index: 2, count: 3, questionType: 'multi', prompt: 'Q?', options: ['a', 'b', 'c'],
  optionCount: 3, points: 1000, timeLimitMs: 20000, phase: 'answering', remainingMs: 20000, paused: false };

test('tapping options of a multi question toggles them, in the order tapped', () => {
  let s = phoneReduce(start, multi);
  assert.deepEqual(draftPicks(s), []);
  s = phoneAction(s, { type: 'toggleOption', option: 2 });
  s = phoneAction(s, { type: 'toggleOption', option: 0 });
  assert.deepEqual(draftPicks(s), [2, 0]);
  s = phoneAction(s, { type: 'toggleOption', option: 2 });
  assert.deepEqual(draftPicks(s), [0]);
});

test('order items start as shown and move to the place they are dragged or stepped to', () => {
  let s = phoneReduce(start, { ...multi, questionType: 'order', options: ['x', 'y', 'z'] });
  assert.deepEqual(orderArrangement(s), [0, 1, 2]);
  s = phoneAction(s, { type: 'moveItem', item: 2, to: 0 }); // dragged to the top
  assert.deepEqual(orderArrangement(s), [2, 0, 1]);
  s = phoneAction(s, { type: 'moveItem', item: 0, to: 2 }); // one step down
  assert.deepEqual(orderArrangement(s), [2, 1, 0]);
  assert.equal(phoneAction(s, { type: 'moveItem', item: 2, to: -1 }), s, 'already first: no change');
  assert.deepEqual(orderArrangement(phoneAction(s, { type: 'moveItem', item: 2, to: 9 })), [1, 0, 2], 'past the end: last');
  assert.equal(phoneAction(s, { type: 'moveItem', item: 7, to: 0 }), s, 'no such item');
});

test('each move of an order item is announced with its new place', () => {
  const before = phoneReduce(start, { ...multi, questionType: 'order', options: ['x', 'y', 'z'] });
  const after = phoneAction(before, { type: 'moveItem', item: 1, to: 0 });
  assert.equal(phoneAnnouncement(before, after), 'B, y: moved to place 1 of 3.');
});

test('the answer sent is kept, with its texts, for "Answer sent" and the result, and across a reload', () => {
  const seated = phoneReduce(start, { type: 'joined', pin: '123456', playerId: 3, name: 'Ann', seatToken: 'tok',
    bankTitle: 'Bank', phase: 'lobby' });
  let s = phoneReduce(seated, multi);
  const answer = { type: 'answer', question: 2, nonce: 'n', options: [0, 2] };
  s = phoneAction(s, { type: 'answering', answer });
  assert.deepEqual(s.mine, { answer, options: ['a', 'b', 'c'] });
  s = phoneReduce(s, { type: 'answerAck', question: 2, nonce: 'n' });
  assert.deepEqual(seatOf(s).mine, s.mine);
  assert.deepEqual(phoneInitial(seatOf(s)).mine, s.mine, 'a reload finds it in the seat');
  s = phoneReduce(s, { type: 'result', index: 2, questionType: 'multi', solution: { correct: [0] }, answered: true,
    correct: false, credit: 0.5, points: 400, bonus: 0, streak: 0, score: 400, rank: 1, playerCount: 1 });
  assert.equal(s.mine.answer, answer, 'still there for the result');
  assert.equal(phoneReduce(s, { ...multi, index: 3 }).mine, null, 'gone with the next question');
});

test('an answer refused as late is not kept as the player\'s answer', () => {
  let s = phoneAction(phoneReduce(start, multi), { type: 'answering', answer: { type: 'answer', question: 2, options: [1] } });
  s = phoneReduce(s, { type: 'error', code: 'late', message: 'Time is up for this question.', ref: 'answer' });
  assert.equal(s.mine, null);
});

test('a nickname typed and accepted is the one to remember; a generated one or a rejoin is not', () => {
  const joined = (name) => ({ type: 'joined', pin: '123456', playerId: 3, name, seatToken: 'tok', bankTitle: 'B', phase: 'lobby' });
  const typed = phoneAction(start, { type: 'joining', pin: '123456', name: 'ann ' });
  assert.equal(phoneReduce(typed, joined('Ann')).nickname, 'Ann', 'as the server accepted it');
  const none = phoneAction(start, { type: 'joining', pin: '123456', name: '' });
  assert.equal(phoneReduce(none, joined('Brave Otter')).nickname, null);
  const rejoin = phoneInitial({ pin: '123456', seatToken: 'tok', name: 'Old', playerId: 3 }, null, 'Ann');
  assert.equal(phoneReduce(rejoin, joined('Old')).nickname, 'Ann');
});

test('the remembered nickname is offered on the join form; a seat or a link does not lose it', () => {
  const s = phoneInitial(null, '654321', 'Ann');
  assert.equal(s.name, 'Ann');
  assert.equal(s.pin, '654321');
  assert.equal(phoneInitial(null, null, null).name, '');
});

test('the taps stay through a snapshot of the same question and are gone with the next one', () => {
  let s = phoneAction(phoneReduce(start, multi), { type: 'toggleOption', option: 1 });
  s = phoneReduce(s, multi);
  assert.deepEqual(draftPicks(s), [1]);
  s = phoneReduce(s, { ...multi, index: 3 });
  assert.deepEqual(draftPicks(s), []);
  assert.equal(s.draft, null);
});

test('taps with no question change nothing', () => {
  assert.equal(phoneAction(start, { type: 'toggleOption', option: 1 }), start);
});
