import test from 'node:test';
import assert from 'node:assert/strict';
import { reportsInitial, reportsReduce, UNREACHABLE } from '../static/js/reports/state.js';

const kept = [{ gameId: '7', hostToken: 'key', bank: 'Bank' }];
const run = (actions, start = reportsInitial()) => actions.reduce(reportsReduce, start);

test('the page starts on nothing loaded, with the password the tab kept', () => {
  const s = reportsInitial('pw');
  assert.equal(s.password, 'pw');
  assert.equal(s.games, null);
  assert.equal(s.loading, false);
});

test('the server says whether a teacher password is asked for', () => {
  assert.equal(run([{ type: 'options', passwordRequired: true }]).passwordRequired, true);
});

test('a typed password is kept, and an empty one forgotten', () => {
  assert.equal(run([{ type: 'password', password: 'pw' }]).password, 'pw');
  assert.equal(run([{ type: 'password', password: '' }], reportsInitial('pw')).password, null);
});

test('loading the list shows the kept games and clears the last download', () => {
  const s = run([{ type: 'downloaded', message: 'Saved.' }, { type: 'loading', route: null, kept }]);
  assert.equal(s.loading, true);
  assert.equal(s.route, null);
  assert.deepEqual(s.kept, kept);
  assert.equal(s.download, null);
});

test('the list loads with its source, or with an error and no games', () => {
  const ok = run([{ type: 'loading', route: null, kept }, { type: 'listLoaded', games: [{ id: 7 }], error: null, source: 'keys' },
    { type: 'loaded' }]);
  assert.deepEqual(ok.games, [{ id: 7 }]);
  assert.equal(ok.listSource, 'keys');
  assert.equal(ok.loading, false);
  const failed = run([{ type: 'listLoaded', games: null, error: UNREACHABLE, source: 'keys' }]);
  assert.deepEqual(failed.games, []);
  assert.equal(failed.listError, UNREACHABLE);
});

test('a report loads, or says why not', () => {
  const report = { game: { bankTitle: 'Bank' }, questions: [], players: [] };
  const ok = run([{ type: 'loading', route: '7', kept }, { type: 'reportLoaded', report }]);
  assert.equal(ok.route, '7');
  assert.equal(ok.report, report);
  assert.equal(ok.reportError, null);
  const failed = run([{ type: 'reportFailed', message: 'There is no such game.' }], ok);
  assert.equal(failed.report, null);
  assert.equal(failed.reportError, 'There is no such game.');
});

test('reloading the same report keeps it shown; another route starts blank', () => {
  const report = { game: { bankTitle: 'Bank' }, questions: [], players: [] };
  const shown = run([{ type: 'loading', route: '7', kept }, { type: 'reportLoaded', report }, { type: 'loaded' }]);
  assert.equal(run([{ type: 'loading', route: '7', kept }], shown).report, report);
  assert.equal(run([{ type: 'loading', route: '8', kept }], shown).report, null);
  assert.equal(run([{ type: 'loading', route: null, kept }], shown).report, null);
});

test('a CSV download says it is being prepared, then how it went', () => {
  const preparing = run([{ type: 'downloading' }]);
  assert.equal(preparing.download, 'Preparing the CSV…');
  assert.equal(run([{ type: 'downloaded', message: 'Saved quizroom-game-7.csv.' }], preparing).download,
    'Saved quizroom-game-7.csv.');
});

test('an unknown step changes nothing', () => {
  const s = reportsInitial();
  assert.equal(reportsReduce(s, { type: 'nonsense' }), s);
});
