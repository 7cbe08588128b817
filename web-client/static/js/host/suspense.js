// Pure timing of the projector's suspense: the podium revealed third, second, then first (with a drumroll before
// the winner), the final ranking after it, and which music loop plays on which screen. No DOM, no audio, no clocks
// (callers pass `now`).
import { secondsLeft } from '../shared/state.js';
import { countdownTempo } from './music.js';

/**
 * The podium's reveal, in ms after the podium arrives. The server sends each phone its `final` frame
 * PODIUM_REVEAL_MS after the podium (docs/protocol.md), when the final ranking shows here too.
 */
export const PODIUM_REVEAL_MS = 6000;
/** When each place shows, by rank; the drumroll fills the time between second and first. */
export const PODIUM_STEPS = { 3: 1000, 2: 2500, 1: 5000 };

/** Milliseconds since the podium arrived; Infinity when it is shown whole (a reload, or the game finished). */
export function podiumElapsed(s, now) {
  return s.podiumAt == null ? Infinity : Math.max(0, now - s.podiumAt);
}

/**
 * What the podium shows: `ranks` revealed so far (3, then 2, then 1), `drumroll` while the winner is awaited,
 * `ranking` once the reveal is over (the final ranking beside the podium), `done` likewise.
 */
export function podiumStage(s, now) {
  const t = podiumElapsed(s, now);
  const ranks = [3, 2, 1].filter((r) => t >= PODIUM_STEPS[r]);
  const done = t >= PODIUM_REVEAL_MS;
  return { ranks, drumroll: t >= PODIUM_STEPS[2] && t < PODIUM_STEPS[1], ranking: done, done };
}

/** Milliseconds until the podium next changes, or null when it has all been revealed. */
export function nextPodiumChange(s, now) {
  const t = podiumElapsed(s, now);
  const next = [PODIUM_STEPS[3], PODIUM_STEPS[2], PODIUM_STEPS[1], PODIUM_REVEAL_MS].find((at) => at > t);
  return next == null ? null : next - t;
}

const AWAITED = { 3: 'In third place…', 2: 'In second place…', 1: 'And the winner is…' };

/**
 * The line over the podium while it is revealed, naming the next place to come among those on the podium
 * (`present`: the ranks that have a step); null once every one is shown.
 */
export function podiumCaption(stage, present) {
  const next = [3, 2, 1].find((r) => present.includes(r) && !stage.ranks.includes(r));
  return next == null ? null : AWAITED[next];
}

/**
 * The music loop for this state: the lobby's while players join, the countdown while answers are open (not when
 * paused, nor once the time is up), else none; with the countdown's tempo.
 */
export function musicFor(s, screen, now) {
  if (screen === 'lobby') return { track: 'lobby', tempo: 1 };
  const q = s.question;
  if (screen === 'question' && q && q.phase === 'answering' && !q.paused) {
    const left = secondsLeft(q, now);
    if (left > 0) return { track: 'countdown', tempo: countdownTempo(left) };
  }
  return { track: null, tempo: 1 };
}
