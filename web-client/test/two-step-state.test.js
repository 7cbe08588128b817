import test from 'node:test';
import assert from 'node:assert/strict';
import { phoneInitial, phoneReduce, phoneAction, seatOf } from '../static/js/phone/state.js';
import { hostInitial, hostReduce, hostNotices, WARNING_SHOWN_MS } from '../static/js/host/state.js';
import { patternWords, shapeWord } from '../static/js/shared/pattern.js';

const start = phoneInitial(null, '123456');
const asked = { type: 'error', code: 'pattern_required', message: 'Tap the four shapes shown on the big screen.', ref: 'join' };
const wrong = { type: 'error', code: 'pattern_required', message: 'Those are not the shapes on the big screen.', ref: 'join' };
const tap = (s, ...shapes) => shapes.reduce((x, shape) => phoneAction(x, { type: 'tapShape', shape }), s);

test('a game with two-step join asks for the shapes after the PIN, without calling it an error', () => {
  const joining = phoneAction(start, { type: 'joining', pin: '123456', name: 'Ann' });
  const s = phoneReduce(joining, asked);
  assert.equal(s.screen, 'pattern');
  assert.equal(s.joining, false);
  assert.equal(s.error, null);
  assert.deepEqual(s.taps, []);
  assert.equal(s.name, 'Ann');
});

test('the pad takes four taps, undo takes back the last, and a full pad is what the join sends', () => {
  let s = phoneReduce(phoneAction(start, { type: 'joining', pin: '123456', name: 'Ann' }), asked);
  s = tap(s, 2, 0, 3);
  s = phoneAction(s, { type: 'untapShape' });
  assert.deepEqual(s.taps, [2, 0]);
  s = tap(s, 1, 1, 3);
  assert.deepEqual(s.taps, [2, 0, 1, 1], 'a fifth tap is ignored');
  s = phoneAction(s, { type: 'sendingPattern' });
  assert.equal(s.joining, true);
  assert.deepEqual(s.pattern, [2, 0, 1, 1]);
  assert.deepEqual(tap(s, 3).taps, [2, 0, 1, 1], 'no taps while the join is on its way');
});

test('a wrong pattern is said in words and the pad starts again; the right one seats the player', () => {
  let s = phoneReduce(phoneAction(start, { type: 'joining', pin: '123456', name: 'Ann' }), asked);
  s = phoneAction(tap(s, 0, 0, 0, 0), { type: 'sendingPattern' });
  s = phoneReduce(s, wrong);
  assert.equal(s.screen, 'pattern');
  assert.equal(s.error, 'Those are not the shapes on the big screen.');
  assert.deepEqual(s.taps, []);
  const waited = phoneReduce(phoneAction(tap(s, 1, 1, 1, 1), { type: 'sendingPattern' }),
    { type: 'error', code: 'rate_limited', message: 'Wait 2 seconds.', ref: 'join' });
  assert.equal(waited.screen, 'pattern', 'a wait after wrong shapes is shown on the pad');
  assert.equal(waited.error, 'Wait 2 seconds.');
  s = phoneReduce(phoneAction(tap(waited, 2, 2, 2, 2), { type: 'sendingPattern' }),
    { type: 'joined', pin: '123456', playerId: 1, name: 'Ann', seatToken: 'tok', bankTitle: 'B', phase: 'lobby' });
  assert.equal(s.screen, 'lobby');
});

test('the pattern sent is kept for the team choice, and a new join or a new name forgets it', () => {
  let s = phoneReduce(phoneAction(start, { type: 'joining', pin: '123456', name: 'Ann' }), asked);
  s = phoneAction(tap(s, 3, 2, 1, 0), { type: 'sendingPattern' });
  s = phoneReduce(s, { type: 'chooseTeam', teams: [{ id: 1, name: 'Red team', colour: 'red', size: 0, full: false }] });
  assert.equal(s.screen, 'team');
  assert.deepEqual(s.pattern, [3, 2, 1, 0]);
  assert.equal(phoneAction(s, { type: 'changeName' }).pattern, null);
  assert.equal(phoneAction(s, { type: 'joining', pin: '123456', name: 'Bo' }).pattern, null);
});

test('a rejoin refused for a scan keeps the seat, unlike a seat that is gone', () => {
  const seat = { pin: '123456', seatToken: 'tok', name: 'Ann', playerId: 3, score: 10, pending: null };
  const s = phoneReduce(phoneInitial(seat, null),
    { type: 'error', code: 'rate_limited', message: 'Too many wrong PINs are being tried; wait a moment.', ref: 'rejoin' });
  assert.equal(s.seatToken, 'tok');
  assert.equal(s.screen, 'rejoining');
  assert.deepEqual(seatOf(s), seat);
  const gone = phoneReduce(phoneInitial(seat, null),
    { type: 'error', code: 'room_not_found', message: 'No open game has that PIN.', ref: 'rejoin' });
  assert.equal(gone.seatToken, null);
  assert.equal(gone.screen, 'join');
});

test('the projector keeps the latest pattern and shows a guessing warning for a minute', () => {
  let s = hostReduce(hostInitial({ pin: '123456' }), { type: 'joinPattern', pattern: [0, 2, 3, 1], changesInMs: 30000 }, 1000);
  assert.deepEqual(s.pattern, [0, 2, 3, 1]);
  s = hostReduce(s, { type: 'joinPattern', pattern: [1, 1, 0, 2], changesInMs: 30000 }, 31000);
  assert.deepEqual(s.pattern, [1, 1, 0, 2]);
  s = hostReduce(s, { type: 'guessWarning', scope: 'room', message: 'Someone is guessing.' }, 40000);
  assert.deepEqual(hostNotices(s, 40000), ['Someone is guessing.']);
  assert.deepEqual(hostNotices({ ...s, storageProblem: 'Not saving.' }, 40000 + WARNING_SHOWN_MS - 1),
    ['Not saving.', 'Someone is guessing.']);
  assert.deepEqual(hostNotices(s, 40000 + WARNING_SHOWN_MS), []);
});

test('a host hello refused for a scan keeps the game; a refused host key does not', () => {
  const kept = hostReduce(hostInitial({ pin: '123456' }),
    { type: 'error', code: 'rate_limited', message: 'Wait a moment.', ref: 'host' });
  assert.equal(kept.gone, null);
  assert.equal(kept.notice, 'Wait a moment.');
  const lost = hostReduce(hostInitial({ pin: '123456' }),
    { type: 'error', code: 'room_not_found', message: 'No open game has that PIN.', ref: 'host' });
  assert.equal(lost.gone, 'bad_session');
});

test('patterns are said with the shapes names', () => {
  assert.equal(patternWords([0, 2, 3, 1]), 'triangle, circle, square, diamond');
  assert.equal(shapeWord(1), 'Diamond');
});
