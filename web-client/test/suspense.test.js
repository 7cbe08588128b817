import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { hostInitial, hostReduce } from '../static/js/host/state.js';
import { PODIUM_REVEAL_MS, PODIUM_STEPS, podiumStage, nextPodiumChange, podiumCaption, musicFor } from '../static/js/host/suspense.js';
import { TRACKS, stepNotes, stepSeconds, countdownTempo, frequency, HURRY_SECONDS } from '../static/js/host/music.js';
import { rankMoves } from '../static/js/host/charts.js';
import { soundOn } from '../static/js/host/sound.js';

const podium = { type: 'podium', ranking: [{ rank: 1, playerId: 1, name: 'Ann', score: 2000 }], playerCount: 1 };
const atLeaderboard = { ...hostInitial({ pin: '123456' }), phase: 'leaderboard' };

test('the podium is revealed third, then second, then first, and the final ranking after the reveal', () => {
  const s = hostReduce(atLeaderboard, podium, 10_000);
  assert.equal(s.podiumAt, 10_000);
  const at = (ms) => podiumStage(s, 10_000 + ms);
  assert.deepEqual(at(0), { ranks: [], drumroll: false, ranking: false, done: false });
  assert.deepEqual(at(PODIUM_STEPS[3]).ranks, [3]);
  assert.deepEqual(at(PODIUM_STEPS[2]).ranks, [3, 2]);
  assert.equal(at(PODIUM_STEPS[2]).drumroll, true, 'the drumroll runs between second and first');
  assert.equal(at(PODIUM_STEPS[1] - 1).drumroll, true);
  assert.deepEqual(at(PODIUM_STEPS[1]).ranks, [3, 2, 1]);
  assert.equal(at(PODIUM_STEPS[1]).drumroll, false);
  assert.equal(at(PODIUM_REVEAL_MS - 1).ranking, false, 'no final ranking before the phones have theirs');
  assert.deepEqual(at(PODIUM_REVEAL_MS), { ranks: [3, 2, 1], drumroll: false, ranking: true, done: true });
  assert.ok(PODIUM_STEPS[3] < PODIUM_STEPS[2] && PODIUM_STEPS[2] < PODIUM_STEPS[1] && PODIUM_STEPS[1] < PODIUM_REVEAL_MS);
});

test('the screen is next rendered when the podium next changes, and not after the reveal', () => {
  const s = hostReduce(atLeaderboard, podium, 0);
  assert.equal(nextPodiumChange(s, 0), PODIUM_STEPS[3]);
  assert.equal(nextPodiumChange(s, PODIUM_STEPS[3]), PODIUM_STEPS[2] - PODIUM_STEPS[3]);
  assert.equal(nextPodiumChange(s, PODIUM_STEPS[1] + 10), PODIUM_REVEAL_MS - PODIUM_STEPS[1] - 10);
  assert.equal(nextPodiumChange(s, PODIUM_REVEAL_MS), null);
});

test('a podium that comes in a snapshot, or a finished game, is shown whole at once', () => {
  const reloaded = hostReduce({ ...hostInitial({ pin: '123456' }), phase: 'podium' }, podium, 5);
  assert.equal(reloaded.podiumAt, null);
  assert.equal(podiumStage(reloaded, 5).done, true);
  const live = hostReduce(atLeaderboard, podium, 5);
  const again = hostReduce(live, podium, 3000); // the same podium again on a new socket: its reveal goes on
  assert.equal(again.podiumAt, 5);
  const finished = hostReduce(live, { type: 'finished' }, 100);
  assert.deepEqual(podiumStage(finished, 100).ranks, [3, 2, 1]);
  assert.equal(podiumStage(finished, 100).ranking, true);
});

test('the podium reveal lasts exactly as long as the server holds back each phone\'s final frame', () => {
  const limits = readFileSync(new URL('../../server/src/main/java/app/quizroom/config/Limits.java', import.meta.url), 'utf8');
  const server = Number(/PODIUM_REVEAL_MS = ([\d_]+);/.exec(limits)[1].replaceAll('_', ''));
  assert.equal(PODIUM_REVEAL_MS, server);
});

test('the caption names the next place to come, among those on the podium', () => {
  const stage = (ranks) => ({ ranks });
  assert.equal(podiumCaption(stage([]), [1, 2, 3]), 'In third place…');
  assert.equal(podiumCaption(stage([3]), [1, 2, 3]), 'In second place…');
  assert.equal(podiumCaption(stage([3, 2]), [1, 2, 3]), 'And the winner is…');
  assert.equal(podiumCaption(stage([3, 2, 1]), [1, 2, 3]), null);
  assert.equal(podiumCaption(stage([]), [1, 2]), 'In second place…', 'two players: no third place to wait for');
  assert.equal(podiumCaption(stage([3]), [1]), 'And the winner is…');
});

test('rank moves: each row starts where the previous ranking had it among these rows', () => {
  // Cy climbed from 3rd to 1st; Ann and Bob each went down one.
  const top = [{ playerId: 3, rank: 1, previousRank: 3 }, { playerId: 1, rank: 2, previousRank: 1 },
    { playerId: 2, rank: 3, previousRank: 2 }];
  assert.deepEqual(rankMoves(top), [{ from: 2, to: 0 }, { from: 0, to: 1 }, { from: 1, to: 2 }]);
});

test('rank moves: no change moves nothing, and a newcomer to the top comes from below', () => {
  const same = [{ rank: 1, previousRank: 1 }, { rank: 2, previousRank: 2 }];
  assert.deepEqual(rankMoves(same), [{ from: 0, to: 0 }, { from: 1, to: 1 }]);
  // Dan was 7th (outside the top five before), Eve has no earlier rank: both come from the bottom rows.
  const top = [{ rank: 1, previousRank: 7 }, { rank: 2, previousRank: 1 }, { rank: 3 }, { rank: 4, previousRank: 2 }];
  assert.deepEqual(rankMoves(top), [{ from: 2, to: 0 }, { from: 0, to: 1 }, { from: 3, to: 2 }, { from: 1, to: 3 }]);
  assert.deepEqual(rankMoves([]), []);
});

test('music plays the lobby loop in the lobby and the countdown only while answers are open', () => {
  const q = { index: 0, phase: 'answering', paused: false, endsAt: 20_000, remainingMs: 20_000, timeLimitMs: 20_000 };
  assert.deepEqual(musicFor({ question: null }, 'lobby', 0), { track: 'lobby', tempo: 1 });
  assert.deepEqual(musicFor({ question: q }, 'question', 0), { track: 'countdown', tempo: 1 });
  assert.equal(musicFor({ question: { ...q, phase: 'intro' } }, 'question', 0).track, null, 'reading time is quiet');
  assert.equal(musicFor({ question: { ...q, paused: true } }, 'question', 0).track, null);
  assert.equal(musicFor({ question: q }, 'question', 20_000).track, null, 'time is up');
  assert.ok(musicFor({ question: q }, 'question', 17_500).tempo > 1, 'the last seconds are faster');
  for (const screen of ['setup', 'reveal', 'leaderboard', 'podium', 'wait']) {
    assert.equal(musicFor({ question: q }, screen, 0).track, null, screen);
  }
});

test('the countdown quickens only in its last five seconds, a little more each second', () => {
  assert.equal(countdownTempo(20), 1);
  assert.equal(countdownTempo(HURRY_SECONDS + 1), 1);
  const last = [5, 4, 3, 2, 1].map(countdownTempo);
  last.reduce((a, b) => { assert.ok(b > a); return b; });
  assert.ok(last[0] > 1 && last[4] <= 2);
  assert.equal(countdownTempo(0), countdownTempo(1));
});

test('each track is a loop of whole bars in a steady pulse, with notes in a sensible range', () => {
  for (const [name, track] of Object.entries(TRACKS)) {
    assert.equal(track.steps.length % 16, 0, name);
    assert.deepEqual(stepNotes(name, track.steps.length + 3), stepNotes(name, 3), `${name} loops`);
    assert.ok(stepSeconds(name) > 0.1 && stepSeconds(name) < 0.2, `${name}: a sixteenth at a walking tempo`);
    assert.equal(stepSeconds(name, 2), stepSeconds(name) / 2);
    for (const notes of track.steps) {
      for (const n of notes) {
        assert.ok(['bass', 'pluck', 'shaker', 'hat', 'kick'].includes(n.voice), n.voice);
        assert.ok(n.volume > 0 && n.volume <= 0.6);
        if (n.note != null) assert.ok(frequency(n.note) > 40 && frequency(n.note) < 1200, `${name}: ${n.note}`);
      }
    }
  }
  assert.equal(frequency(69), 440);
  assert.deepEqual(stepNotes('nothing', 0), []);
});

test('the lobby music keeps to the C major scale (no clashing notes)', () => {
  const scale = new Set([0, 2, 4, 5, 7, 9, 11]);
  for (const notes of TRACKS.lobby.steps) {
    for (const n of notes) if (n.note != null) assert.ok(scale.has(n.note % 12), String(n.note));
  }
});

test('sound is on by default and off only when the teacher turned it off', () => {
  assert.equal(soundOn(null), true);
  assert.equal(soundOn('on'), true);
  assert.equal(soundOn('off'), false);
});
