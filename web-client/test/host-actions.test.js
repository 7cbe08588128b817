import test from 'node:test';
import assert from 'node:assert/strict';
import { hostInitial, hostReduce, hostAction, hostScreen, createError } from '../static/js/host/state.js';

const banks = [{ id: 'b', title: 'Bank', questionCount: 3 }];
const options = { defaults: {}, passwordRequired: false };
const setupScreen = (password = null) => hostAction(hostInitial({}, password), { type: 'newGame' });

test('a projector with no game starts on the start screen with the password the tab kept', () => {
  const s = setupScreen('secret');
  assert.equal(hostScreen(s), 'setup');
  assert.deepEqual(s.setup, { banks: null, options: null, busy: false, error: null, password: 'secret' });
});

test('the start screen shows the banks and options once loaded, or says they could not be', () => {
  const loaded = hostAction(setupScreen(), { type: 'setupLoaded', banks, options });
  assert.deepEqual(loaded.setup.banks, banks);
  assert.deepEqual(loaded.setup.options, options);
  const failed = hostAction(setupScreen(), { type: 'setupFailed' });
  assert.equal(failed.setup.error, 'Could not load the question banks. Is the server running?');
});

test('a form error on the start screen is shown in words', () => {
  const s = hostAction(setupScreen(), { type: 'setupError', message: 'Pick a question bank first.' });
  assert.equal(s.setup.error, 'Pick a question bank first.');
  assert.equal(hostScreen(s), 'setup');
});

test('creating a game keeps the button busy and clears the last refusal', () => {
  const refused = hostAction(setupScreen(), { type: 'setupError', message: 'no' });
  const s = hostAction(refused, { type: 'creating' });
  assert.equal(s.setup.busy, true);
  assert.equal(s.setup.error, null);
});

test('a created game starts from its PIN and id, keeping what the start screen loaded', () => {
  const creating = hostAction(hostAction(setupScreen('pw'), { type: 'setupLoaded', banks, options }), { type: 'creating' });
  const s = hostAction(creating, { type: 'created', session: { pin: '123456', hostToken: 'key', gameId: '7' } });
  assert.equal(s.pin, '123456');
  assert.equal(s.gameId, '7');
  assert.equal(s.phase, null);
  assert.equal(hostScreen(s), 'wait');
  assert.deepEqual(s.setup, { banks, options, busy: false, error: null, password: 'pw' });
});

test('a refused game frees the button and says why, with a default when the reason is empty', () => {
  const creating = hostAction(setupScreen(), { type: 'creating' });
  const refused = hostAction(creating, { type: 'createFailed', message: 'That teacher password is not right. Type it again.' });
  assert.equal(refused.setup.busy, false);
  assert.equal(refused.setup.error, 'That teacher password is not right. Type it again.');
  assert.equal(hostAction(creating, { type: 'createFailed', message: '' }).setup.error, 'Could not create the game.');
});

test('a new game forgets the old one but keeps the loaded banks', () => {
  const playing = hostReduce(hostAction(hostAction(setupScreen(), { type: 'setupLoaded', banks, options }),
    { type: 'created', session: { pin: '123456', hostToken: 'key' } }),
  { type: 'hosting', pin: '123456', bank: { title: 'Bank' }, settings: {}, phase: 'lobby' });
  const s = hostAction({ ...playing, setup: { ...playing.setup, error: 'old' } }, { type: 'newGame' });
  assert.equal(hostScreen(s), 'setup');
  assert.equal(s.pin, null);
  assert.equal(s.bank, null);
  assert.deepEqual(s.setup.banks, banks);
  assert.equal(s.setup.error, null);
});

test('connecting again forgets that another window had taken over', () => {
  const replaced = { ...hostInitial({ pin: '123456' }), gone: 'replaced' };
  assert.equal(hostAction(replaced, { type: 'connecting' }).gone, null);
});

test('a command sent with no socket becomes a notice', () => {
  const s = hostAction(hostInitial({ pin: '123456' }), { type: 'notConnected' });
  assert.equal(s.notice, 'Not connected: try again in a moment.');
});

test('an unknown action changes nothing', () => {
  const s = hostInitial({ pin: '123456' });
  assert.equal(hostAction(s, { type: 'nonsense' }), s);
});

test('a refused host key puts the projector back in the setup phase', () => {
  const s = hostReduce(hostInitial({ pin: '123456' }), { type: 'error', code: 'bad_token', message: 'No.', ref: 'host' });
  assert.equal(s.phase, 'setup');
  assert.equal(s.gone, 'bad_session');
});

test('a refused POST /api/games is put in words', () => {
  assert.equal(createError(401, null), 'That teacher password is not right. Type it again.');
  assert.equal(createError(413, null), 'Those options are too long to send.');
  assert.equal(createError(400, { error: { message: 'Unknown bank.' } }), 'Unknown bank.');
  assert.equal(createError(500, null), 'The server said 500.');
});

test('picking a player in the lobby marks them until unpicked', () => {
  const s = hostAction(hostInitial({ pin: '123456' }), { type: 'pick', playerId: 2 });
  assert.equal(s.picked, 2);
  assert.equal(hostAction(s, { type: 'unpick' }).picked, null);
});

test('the pick is dropped when that player leaves, and kept when another does', () => {
  const players = [{ id: 1, name: 'Ann', connected: true }, { id: 2, name: 'Bob', connected: true }];
  const lobby = hostReduce(hostInitial({ pin: '123456' }), { type: 'lobby', players, locked: false });
  const picked = hostAction(lobby, { type: 'pick', playerId: 2 });
  assert.equal(hostReduce(picked, { type: 'playerLeft', playerId: 1, reason: 'left', count: 1 }).picked, 2);
  assert.equal(hostReduce(picked, { type: 'playerLeft', playerId: 2, reason: 'kicked', count: 1 }).picked, null);
  assert.equal(hostReduce(picked, { type: 'lobby', players: [players[0]], locked: false }).picked, null);
});
