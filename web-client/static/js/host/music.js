// The projector's music as data: two short looping patterns (the lobby's, and the question's countdown), each a
// list of notes per sixteenth-note step, and the countdown's tempo. No audio and no DOM: sound.js plays them with
// the Web Audio API, and all of this runs under `node --test`.

/** A MIDI note number's frequency in Hz (69 = A4 = 440 Hz). */
export function frequency(midi) {
  return 440 * 2 ** ((midi - 69) / 12);
}

const C4 = 60;
const A3 = 57;

/** One bar of 16 steps over a chord: the bass on the beats, an arpeggio in eighths, a soft shaker off the beat. */
function lobbyBar(root, chord) {
  const arp = [0, 1, 2, 3, 2, 1, 2, 3];
  const steps = [];
  for (let i = 0; i < 16; i++) {
    const notes = [];
    if (i === 0 || i === 8) notes.push({ voice: 'bass', note: root - 12, length: 6, volume: 0.5 });
    if (i === 10) notes.push({ voice: 'bass', note: root - 5, length: 4, volume: 0.35 });
    if (i % 2 === 0) notes.push({ voice: 'pluck', note: chord[arp[i / 2]], length: 3, volume: i % 8 === 0 ? 0.4 : 0.28 });
    if (i % 4 === 2) notes.push({ voice: 'shaker', volume: 0.25 });
    if (i === 0) notes.push({ voice: 'kick', volume: 0.35 });
    steps.push(notes);
  }
  return steps;
}

/** One bar of the countdown: a pulsing bass in eighths, a staccato ostinato, ticking hats and a kick on the beats. */
function countdownBar(root, chord) {
  const riff = [0, 2, 1, 2, 0, 2, 1, 3];
  const steps = [];
  for (let i = 0; i < 16; i++) {
    const notes = [];
    if (i % 2 === 0) notes.push({ voice: 'bass', note: root - 12 + (i % 4 === 2 ? 12 : 0), length: 1, volume: 0.45 });
    if (i % 2 === 1) notes.push({ voice: 'pluck', note: chord[riff[(i - 1) / 2]], length: 1, volume: 0.3 });
    notes.push({ voice: 'hat', volume: i % 4 === 0 ? 0.3 : 0.16 });
    if (i % 4 === 0) notes.push({ voice: 'kick', volume: 0.5 });
    steps.push(notes);
  }
  return steps;
}

/**
 * The looping tracks. `bpm` counts quarter notes; a step is a sixteenth. The lobby is calm (C major: C, Am, F, G);
 * the countdown is tense but quiet (A minor: Am, F, G, E, the E major chord pulling back to the start).
 */
export const TRACKS = {
  lobby: {
    bpm: 100,
    steps: [
      ...lobbyBar(C4, [C4 + 12, C4 + 16, C4 + 19, C4 + 24]),
      ...lobbyBar(A3, [A3 + 12, A3 + 15, A3 + 19, A3 + 24]),
      ...lobbyBar(C4 + 5, [C4 + 12, C4 + 17, C4 + 21, C4 + 24]),
      ...lobbyBar(C4 + 7, [C4 + 11, C4 + 14, C4 + 19, C4 + 23]),
    ],
  },
  countdown: {
    bpm: 118,
    steps: [
      ...countdownBar(A3, [A3 + 12, A3 + 15, A3 + 19, A3 + 24]),
      ...countdownBar(A3 - 4, [A3 + 8, A3 + 12, A3 + 15, A3 + 20]),
      ...countdownBar(A3 - 2, [A3 + 10, A3 + 14, A3 + 17, A3 + 22]),
      ...countdownBar(A3 - 5, [A3 + 7, A3 + 11, A3 + 14, A3 + 19]),
    ],
  },
};

/** The notes of a track at a step, which counts up for ever: the pattern loops. */
export function stepNotes(track, step) {
  const t = TRACKS[track];
  if (!t) return [];
  return t.steps[((step % t.steps.length) + t.steps.length) % t.steps.length];
}

/** Seconds a step of the track lasts at this tempo factor. */
export function stepSeconds(track, tempo = 1) {
  const t = TRACKS[track];
  return t ? 60 / t.bpm / 4 / tempo : 0;
}

/** The countdown's last seconds, when it quickens. */
export const HURRY_SECONDS = 5;

/** How much faster than its own tempo the countdown plays with `secondsLeft` to go: 1 until the last 5 s, then up to 1.75. */
export function countdownTempo(secondsLeft) {
  if (!(secondsLeft <= HURRY_SECONDS)) return 1;
  const into = HURRY_SECONDS - Math.max(0, secondsLeft) + 1; // 1 with 5 s left … 5 with 1 s left
  return 1 + Math.min(HURRY_SECONDS, into) * 0.15;
}
