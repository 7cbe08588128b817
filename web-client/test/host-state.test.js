import test from 'node:test';
import assert from 'node:assert/strict';
import { hostInitial, hostReduce, hostScreen, hostClosed } from '../static/js/host/state.js';
import { secondsLeft, timeFraction } from '../static/js/shared/state.js';

const run = (messages, start = hostInitial({ pin: '123456' }), now = 1000) =>
  messages.reduce((s, m) => hostReduce(s, m, now), start);

const hosting = (phase = 'lobby') => ({ type: 'hosting', pin: '123456', joinUrl: 'http://10.0.0.2:8080/join/123456',
  qrUrl: '/api/qr/123456.svg', bank: { id: 'b', title: 'Bank', topic: 't', questionCount: 3 }, settings: {}, phase });
const question = (extra = {}) => ({ type: 'question', index: 0, count: 3, questionType: 'single', prompt: 'Q?',
  options: ['a', 'b', 'c', 'd'], optionCount: 4, points: 1000, timeLimitMs: 20000, phase: 'intro', remainingMs: 4000,
  paused: false, ...extra });

test('hosting in the lobby shows the lobby with its players', () => {
  const s = run([hosting(), { type: 'lobby', players: [{ id: 1, name: 'Ann', connected: true }], locked: false }]);
  assert.equal(hostScreen(s), 'lobby');
  assert.equal(s.pin, '123456');
  assert.deepEqual(s.players.map((p) => p.name), ['Ann']);
});

test('players join, change connection and leave', () => {
  const s = run([hosting(), { type: 'lobby', players: [], locked: false },
    { type: 'playerJoined', player: { id: 1, name: 'Ann', connected: true }, count: 1 },
    { type: 'playerJoined', player: { id: 2, name: 'Bob', connected: true }, count: 2 },
    { type: 'playerConnection', playerId: 1, connected: false },
    { type: 'playerLeft', playerId: 2, reason: 'kicked', count: 1 },
    { type: 'locked', locked: true }]);
  assert.deepEqual(s.players, [{ id: 1, name: 'Ann', connected: false }]);
  assert.equal(s.locked, true);
});

test('a joined player announced twice is listed once', () => {
  const p = { id: 1, name: 'Ann', connected: true };
  const s = run([hosting(), { type: 'playerJoined', player: p, count: 1 }, { type: 'playerJoined', player: p, count: 1 }]);
  assert.equal(s.players.length, 1);
});

test('a question shows in intro, then answering with a countdown from the server time left', () => {
  let s = run([hosting(), question()]);
  assert.equal(hostScreen(s), 'question');
  assert.equal(s.question.phase, 'intro');
  assert.equal(secondsLeft(s.question, 1000), 4);
  s = hostReduce(s, { type: 'answering', index: 0, timeLimitMs: 20000, remainingMs: 20000 }, 5000);
  assert.equal(s.phase, 'answering');
  assert.equal(secondsLeft(s.question, 5000), 20);
  assert.equal(secondsLeft(s.question, 5001), 20);
  assert.equal(secondsLeft(s.question, 24500), 1);
  assert.equal(secondsLeft(s.question, 26000), 0);
  assert.equal(timeFraction(s.question, 15000), 0.5);
});

test('the answer count follows the current question only', () => {
  let s = run([hosting(), question({ phase: 'answering', remainingMs: 20000 })]);
  s = hostReduce(s, { type: 'answerCount', index: 0, answered: 2, total: 3 });
  assert.equal(s.answered, 2);
  s = hostReduce(s, { type: 'answerCount', index: 5, answered: 9, total: 9 });
  assert.equal(s.answered, 2);
});

test('pause freezes the countdown and resume restarts it', () => {
  let s = run([hosting(), question({ phase: 'answering', remainingMs: 20000 })], undefined, 0);
  s = hostReduce(s, { type: 'paused', paused: true, phase: 'answering', index: 0, remainingMs: 12000 }, 8000);
  assert.equal(secondsLeft(s.question, 100000), 12);
  s = hostReduce(s, { type: 'paused', paused: false, phase: 'answering', index: 0, remainingMs: 12000 }, 100000);
  assert.equal(secondsLeft(s.question, 106000), 6);
});

test('reveal, leaderboard, podium and finished take their screens', () => {
  let s = run([hosting(), question()]);
  s = hostReduce(s, { type: 'reveal', index: 0, questionType: 'single', solution: { correct: [0] },
    stats: { counts: [1, 0, 0, 0], correctCount: 1 }, explanation: 'because', answered: 1, total: 1 });
  assert.equal(hostScreen(s), 'reveal');
  s = hostReduce(s, { type: 'leaderboard', index: 0, count: 3, top: [], playerCount: 1 });
  assert.equal(hostScreen(s), 'leaderboard');
  s = hostReduce(s, { type: 'podium', ranking: [], playerCount: 1 });
  assert.equal(hostScreen(s), 'podium');
  s = hostReduce(s, { type: 'finished' });
  assert.equal(hostScreen(s), 'podium');
  assert.equal(s.phase, 'finished');
});

test('a reloaded projector in the reveal keeps the stored question for the option texts', () => {
  const stored = hostReduce(hostInitial(), question(), 0).question;
  const s = run([hosting('reveal'), { type: 'lobby', players: [], locked: false },
    { type: 'reveal', index: 0, questionType: 'single', solution: { correct: [1] }, stats: { counts: [0, 1, 0, 0] },
      answered: 1, total: 1 }], hostInitial({ pin: '123456', question: stored }));
  assert.equal(hostScreen(s), 'reveal');
  assert.deepEqual(s.question.options, ['a', 'b', 'c', 'd']);
});

test('a snapshot mid-game waits for its phase message before showing a screen', () => {
  const s = run([hosting('leaderboard')]);
  assert.equal(hostScreen(s), 'wait');
});

test('a refused host key sends the projector back to the start screen with the reason', () => {
  const s = run([{ type: 'error', code: 'bad_token', message: 'That host key is not valid for this game.', ref: 'host' }]);
  assert.equal(hostScreen(s), 'setup');
  assert.equal(s.notice, 'That host key is not valid for this game.');
});

test('other errors become a notice and change nothing else', () => {
  const before = run([hosting()]);
  const s = hostReduce(before, { type: 'error', code: 'no_players', message: 'Wait for at least one player to join.', ref: 'start' });
  assert.equal(hostScreen(s), 'lobby');
  assert.equal(s.notice, 'Wait for at least one player to join.');
});

test('being replaced by another window or losing the room is remembered', () => {
  assert.equal(hostClosed(run([hosting()]), 4000).gone, 'replaced');
  assert.equal(hostScreen(hostClosed(run([hosting()]), 4002)), 'finished');
});

test('a storage failure is shown until the server says results are saved again', () => {
  let s = run([hosting(), { type: 'storage', saving: false, message: 'Results are not being saved.' }]);
  assert.equal(s.storageProblem, 'Results are not being saved.');
  s = hostReduce(s, { type: 'storage', saving: true });
  assert.equal(s.storageProblem, null);
});

test('the lobby lists the removed players; a kick adds one, letting back in takes one away', () => {
  let s = run([hosting(), { type: 'lobby', players: [{ id: 1, name: 'Ann', connected: true },
    { id: 3, name: 'Bot', connected: true }], locked: false, kicked: [{ id: 2, name: 'Troll' }] }]);
  assert.deepEqual(s.kicked, [{ id: 2, name: 'Troll' }]);
  s = hostReduce(s, { type: 'playerLeft', playerId: 3, reason: 'kicked', count: 1 });
  assert.deepEqual(s.players.map((p) => p.id), [1]);
  assert.deepEqual(s.kicked, [{ id: 2, name: 'Troll' }, { id: 3, name: 'Bot' }]);
  s = hostReduce(s, { type: 'unbanned', playerId: 2 });
  assert.deepEqual(s.kicked, [{ id: 3, name: 'Bot' }]);
  assert.deepEqual(run([hosting(), { type: 'lobby', players: [], locked: false }]).kicked, [], 'absent means none');
});

test('removing recent joiners drops them from the players, lists them as removed and says how many', () => {
  let s = run([hosting(), { type: 'lobby', locked: false, players: [{ id: 1, name: 'Ann', connected: true },
    { id: 2, name: 'bot1', connected: true }, { id: 3, name: 'bot2', connected: true }] }]);
  s = hostReduce(s, { type: 'playersKicked', seconds: 30,
    players: [{ id: 2, name: 'bot1' }, { id: 3, name: 'bot2' }], count: 1 });
  assert.deepEqual(s.players.map((p) => p.name), ['Ann']);
  assert.deepEqual(s.kicked.map((p) => p.name), ['bot1', 'bot2']);
  assert.equal(s.removal, 'Removed 2 players who joined in the last 30 s.');
  s = hostReduce(s, { type: 'playersKicked', seconds: 120, players: [], count: 1 });
  assert.equal(s.removal, 'Nobody joined in the last 2 min.');
  assert.equal(s.kicked.length, 2);
});

test('the expected class size typed on the start screen is a whole number within the server maximum', async () => {
  const { classSizeOf, sinceWords } = await import('../static/js/host/state.js');
  assert.equal(classSizeOf('30', 2000), 30);
  assert.equal(classSizeOf(' 2000 ', 2000), 2000);
  for (const bad of ['', '0', '2001', '12.5', 'abc', '-3']) assert.equal(classSizeOf(bad, 2000), null, bad);
  assert.equal(sinceWords(30), '30 s');
  assert.equal(sinceWords(120), '2 min');
});
