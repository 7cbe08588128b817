import test from 'node:test';
import assert from 'node:assert/strict';
import { secondsLeft } from '../static/js/shared/state.js';
import { hostInitial, hostReduce, hostScreen } from '../static/js/host/state.js';
import { phoneInitial, phoneReduce, seatOf } from '../static/js/phone/state.js';
import { phoneAnnouncement } from '../static/js/phone/words.js';

const red = { id: 1, name: 'Red team', colour: 'red', size: 0, full: false };
const blue = { id: 2, name: 'Blue team', colour: 'blue', size: 0, full: false };
const hosting = { type: 'hosting', pin: '302532', joinUrl: 'http://x/join/302532', qrUrl: '/api/qr/302532.svg',
  bank: { id: 'b', title: 'Bank', questionCount: 2 },
  settings: { teams: { names: ['Red team', 'Blue team'], playersPick: true, cap: 2, talkSeconds: 5 } },
  phase: 'lobby', gameId: 1795750234934 };
const question = (extra = {}) => ({ type: 'question', index: 0, count: 2, questionType: 'single', prompt: 'Q?',
  options: ['a', 'b'], optionCount: 2, points: 1000, timeLimitMs: 20000, phase: 'intro', remainingMs: 2000,
  paused: false, ...extra });
const host = (messages, now = 0) => messages.reduce((s, m) => hostReduce(s, m, now), hostInitial({ pin: '302532' }));
const phone = (messages, start = phoneInitial(null, '302532')) => messages.reduce((s, m) => phoneReduce(s, m, 0), start);

test('the projector keeps the game id and the teams, and moves players between them', () => {
  let s = host([hosting, { type: 'lobby', players: [], locked: false, teams: [red, blue] },
    { type: 'playerJoined', player: { id: 1, name: 'Ann', connected: true, team: 1 }, count: 1 },
    { type: 'playerJoined', player: { id: 2, name: 'Cy', connected: true, team: 1 }, count: 2 }]);
  assert.equal(s.gameId, '1795750234934');
  assert.deepEqual(s.teams.map((t) => t.name), ['Red team', 'Blue team']);
  s = hostReduce(s, { type: 'teamChanged', playerId: 2, team: { ...blue, size: 1 }, by: 'host' });
  assert.deepEqual(s.players.map((p) => [p.name, p.team]), [['Ann', 1], ['Cy', 2]]);
  assert.equal(s.teams[1].size, 1);
});

test('after a shuffle the lobby frame replaces the teams and everyone\'s team', () => {
  const s = host([hosting, { type: 'lobby', players: [{ id: 1, name: 'Ann', connected: true, team: 1 }], locked: false, teams: [red, blue] },
    { type: 'lobby', players: [{ id: 1, name: 'Ann', connected: true, team: 2 }], locked: false, teams: [{ ...blue, size: 1 }] }]);
  assert.deepEqual(s.players[0].team, 2);
  assert.deepEqual(s.teams.map((t) => t.id), [2], 'teams nobody joined are gone at start');
});

test('an individual game has no teams', () => {
  const s = host([{ ...hosting, settings: {} }, { type: 'lobby', players: [], locked: false }]);
  assert.deepEqual(s.teams, []);
});

test('team talk shows the question on the projector with the talk countdown', () => {
  let s = host([hosting, question()], 0);
  s = hostReduce(s, { type: 'talk', index: 0, remainingMs: 5000 }, 2000);
  assert.equal(hostScreen(s), 'question');
  assert.equal(s.phase, 'talk');
  assert.equal(s.question.phase, 'talk');
  assert.equal(secondsLeft(s.question, 2000), 5);
  s = hostReduce(s, { type: 'paused', paused: true, phase: 'talk', index: 0, remainingMs: 3000 }, 4000);
  assert.equal(secondsLeft(s.question, 9000), 3);
  s = hostReduce(s, { type: 'answering', index: 0, timeLimitMs: 20000, remainingMs: 20000 }, 9000);
  assert.equal(s.question.phase, 'answering');
});

test('a phone that must pick a team is shown the teams, and joins with one', () => {
  let s = phone([{ type: 'chooseTeam', teams: [red, { ...blue, size: 2, full: true }] }],
    { ...phoneInitial(null, '302532'), name: 'Ann', joining: true });
  assert.equal(s.screen, 'team');
  assert.equal(s.joining, false);
  assert.equal(s.teams[1].full, true);
  s = phoneReduce({ ...s, chosenTeam: 1, joining: true }, { type: 'joined', pin: '302532', playerId: 1, name: 'Ann',
    seatToken: 'tok', bankTitle: 'Bank', phase: 'lobby', team: { ...red, size: 1 } });
  assert.equal(s.screen, 'lobby');
  assert.equal(s.team.name, 'Red team');
  assert.deepEqual(seatOf(s).teams.map((t) => t.id), [1, 2], 'the choices survive a reload, for switching');
});

test('a team that filled up meanwhile keeps the phone on the team choice, with the reason', () => {
  const s = phone([{ type: 'chooseTeam', teams: [red, blue] },
    { type: 'error', code: 'team_full', message: 'The Red team is full; choose another team.', ref: 'join' }],
  { ...phoneInitial(null, '302532'), chosenTeam: 1 });
  assert.equal(s.screen, 'team');
  assert.equal(s.error, 'The Red team is full; choose another team.');
  assert.equal(s.teams[0].full, true);
  const named = phoneReduce(s, { type: 'error', code: 'name_taken', message: 'Taken', ref: 'join' });
  assert.equal(named.screen, 'join', 'a nickname refusal goes back to the nickname');
});

test('switching and being moved change the phone\'s team; a refused switch says why', () => {
  const joined = { type: 'joined', pin: '302532', playerId: 3, name: 'Cy', seatToken: 't', bankTitle: 'B', phase: 'lobby',
    team: { id: 3, name: 'Green team', colour: 'green', size: 1, full: false } };
  let s = phone([{ type: 'chooseTeam', teams: [red, blue, { id: 3, name: 'Green team', colour: 'green', size: 0, full: false }] }, joined]);
  s = phoneReduce(s, { type: 'teamChanged', playerId: 3, team: { ...blue, size: 1 }, by: 'player' });
  assert.equal(s.team.name, 'Blue team');
  assert.equal(s.teamNote, null);
  assert.deepEqual(s.teams.map((t) => t.size), [0, 1, 0]);
  const moved = phoneReduce(s, { type: 'teamChanged', playerId: 3, team: red, by: 'host' });
  assert.match(phoneAnnouncement(s, moved), /now in the Red team/);
  s = moved;
  assert.equal(s.teamNote, 'The teacher put you in the Red team.');
  assert.equal(phoneReduce(s, { type: 'teamChanged', playerId: 9, team: blue, by: 'host' }).team.name, 'Red team',
    'another player\'s move is not ours');
  s = phoneReduce(s, { type: 'error', code: 'wrong_phase', message: 'Teams cannot change once the game has started.', ref: 'switchTeam' });
  assert.equal(s.notice, 'Teams cannot change once the game has started.');
});

test('team talk on the phone: the question shows, answers stay closed until answering', () => {
  let s = phone([{ type: 'joined', pin: '302532', playerId: 1, name: 'Ann', seatToken: 't', bankTitle: 'B', phase: 'lobby', team: red },
    question()]);
  const before = s;
  s = phoneReduce(s, { type: 'talk', index: 0, remainingMs: 5000 }, 0);
  assert.equal(s.question.phase, 'talk');
  assert.match(phoneAnnouncement(before, s), /^Team talk/);
  s = phoneReduce(s, { type: 'answering', index: 0, timeLimitMs: 20000, remainingMs: 20000 }, 5000);
  assert.equal(s.question.phase, 'answering');
});

test('the phone says its team\'s standing after a question', () => {
  const s = phone([{ type: 'joined', pin: '1', playerId: 1, name: 'A', seatToken: 't', bankTitle: 'B', phase: 'lobby', team: red },
    question({ phase: 'answering' })]);
  const after = phoneReduce(s, { type: 'result', index: 0, questionType: 'single', answered: true, correct: true, credit: 1,
    points: 975, bonus: 0, streak: 1, score: 975, rank: 1, playerCount: 3,
    team: { rank: 2, teamId: 1, name: 'Red team', colour: 'red', score: 488, gained: 488, size: 2 }, teamCount: 2 });
  assert.equal(phoneAnnouncement(s, after),
    'Correct. Plus 975 points. Total 975 points. 1st of 3. Your team, Red team: 2nd of 2 with 488 points.');
});

test('a reload during team talk comes back in the talk', () => {
  const s = phone([{ type: 'joined', pin: '302532', playerId: 1, name: 'Ann', seatToken: 't', bankTitle: 'B', phase: 'talk', team: red },
    question({ phase: 'talk', remainingMs: 4987, answered: false })]);
  assert.equal(s.screen, 'question');
  assert.equal(s.question.phase, 'talk');
});

test('an answer acknowledged as not yet saved is remembered for the "sent" screen', () => {
  let s = phone([{ type: 'joined', pin: '1', playerId: 1, name: 'A', seatToken: 't', bankTitle: 'B', phase: 'lobby' },
    question({ phase: 'answering' })]);
  s = phoneReduce(s, { type: 'answerAck', question: 0, nonce: 'n', saved: false });
  assert.equal(s.answered, true);
  assert.equal(s.saved, false);
  assert.equal(phoneReduce(s, question({ index: 1 })).saved, true);
});

test('an individual game keeps the seat as before (no team fields)', () => {
  const s = phone([{ type: 'joined', pin: '1', playerId: 1, name: 'A', seatToken: 't', bankTitle: 'B', phase: 'lobby' }]);
  assert.equal(s.team, null);
  assert.deepEqual(Object.keys(seatOf(s)).sort(), ['name', 'pending', 'pin', 'playerId', 'score', 'seatToken']);
});
