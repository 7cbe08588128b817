import test from 'node:test';
import assert from 'node:assert/strict';
import { phoneInitial, phoneReduce, phoneAction, seatOf, draftPicks } from '../static/js/phone/state.js';

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

test('tapping items of an order question places each once, and undo takes back the last', () => {
  let s = phoneReduce(start, { ...multi, questionType: 'order', options: ['x', 'y', 'z'] });
  s = phoneAction(s, { type: 'placeItem', item: 1 });
  s = phoneAction(s, { type: 'placeItem', item: 1 });
  s = phoneAction(s, { type: 'placeItem', item: 2 });
  assert.deepEqual(draftPicks(s), [1, 2]);
  s = phoneAction(s, { type: 'undoPlace' });
  assert.deepEqual(draftPicks(s), [1]);
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
