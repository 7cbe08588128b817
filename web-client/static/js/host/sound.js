// The projector's sound, all made here with the Web Audio API (no recordings): the lobby's music, the question's
// countdown track, and cues for answers opening, the reveal, the leaderboard and the podium (drumroll included).
// On unless the teacher muted it (remembered). Browsers keep audio silent until the page's first click or key, so
// the context is created then (unlock).
import { TRACKS, frequency, stepNotes, stepSeconds } from './music.js';
import { PODIUM_STEPS } from './suspense.js';

export const SOUND_KEY = 'quizroom.sound';
/** How far ahead the music is scheduled, and how often the scheduler wakes up (s, ms). */
const LOOKAHEAD_S = 0.2;
const WAKE_MS = 50;
const MUSIC_VOLUME = 0.42;

/** Whether sound is on for this stored choice: on unless the teacher turned it off. */
export function soundOn(stored) {
  return stored !== 'off';
}

/** `lookahead`: how far ahead the music is scheduled (s); a check of the sound offline schedules it all at once. */
export function createSound(storage, { lookahead = LOOKAHEAD_S } = {}) {
  let enabled = soundOn(storage?.get(SOUND_KEY));
  let ctx = null;
  let master = null;
  let noise = null;
  let track = null; // the loop wanted now, or null
  let tempo = 1;
  let bus = null; // the playing loop's gain, faded out when the loop changes
  let step = 0;
  let nextAt = 0;
  let wake = null;
  let cueBus = null; // the cues under way, cut off when the screen moves on

  function context() {
    if (ctx) return ctx;
    const AudioCtx = globalThis.AudioContext ?? globalThis.webkitAudioContext;
    if (!AudioCtx) return null;
    ctx = new AudioCtx();
    master = ctx.createGain();
    master.gain.value = enabled ? 1 : 0;
    master.connect(ctx.destination);
    // One second of white noise, for the shaker, hats, snare and cymbal.
    noise = ctx.createBuffer(1, ctx.sampleRate, ctx.sampleRate);
    const data = noise.getChannelData(0);
    for (let i = 0; i < data.length; i++) data[i] = Math.random() * 2 - 1;
    return ctx;
  }

  function running() {
    return ctx && ctx.state === 'running' && enabled;
  }

  function envelope(gain, t, volume, attack, length) {
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(Math.max(0.0002, volume), t + attack);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + length);
  }

  function tone(out, { freq, t, length, volume, type = 'triangle', attack = 0.01, cutoff = 2400 }) {
    const osc = ctx.createOscillator();
    const filter = ctx.createBiquadFilter();
    const gain = ctx.createGain();
    osc.type = type;
    osc.frequency.setValueAtTime(freq, t);
    filter.type = 'lowpass';
    filter.frequency.value = cutoff;
    envelope(gain, t, volume, attack, length);
    osc.connect(filter).connect(gain).connect(out);
    osc.start(t);
    osc.stop(t + length + 0.05);
  }

  function hiss(out, { t, length, volume, type = 'highpass', freq = 7000, attack = 0.002 }) {
    const src = ctx.createBufferSource();
    src.buffer = noise;
    const filter = ctx.createBiquadFilter();
    filter.type = type;
    filter.frequency.value = freq;
    const gain = ctx.createGain();
    envelope(gain, t, volume, attack, length);
    src.connect(filter).connect(gain).connect(out);
    src.start(t, Math.random() * 0.5);
    src.stop(t + length + 0.05);
  }

  function kick(out, t, volume) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.setValueAtTime(140, t);
    osc.frequency.exponentialRampToValueAtTime(45, t + 0.12);
    envelope(gain, t, volume, 0.004, 0.18);
    osc.connect(gain).connect(out);
    osc.start(t);
    osc.stop(t + 0.25);
  }

  function snare(out, t, volume) {
    hiss(out, { t, length: 0.09, volume, type: 'bandpass', freq: 1900 });
  }

  const VOICES = {
    bass: (out, n, t, len) => tone(out, { freq: frequency(n.note), t, length: len, volume: n.volume * 0.5, type: 'sine', cutoff: 600 }),
    pluck: (out, n, t, len) => tone(out, { freq: frequency(n.note), t, length: len, volume: n.volume * 0.35, cutoff: 2000 }),
    shaker: (out, n, t) => hiss(out, { t, length: 0.06, volume: n.volume * 0.12, freq: 6000 }),
    hat: (out, n, t) => hiss(out, { t, length: 0.035, volume: n.volume * 0.12, freq: 8000 }),
    kick: (out, n, t) => kick(out, t, n.volume * 0.6),
  };

  function schedule() {
    if (!running() || !track || !bus) return;
    const until = ctx.currentTime + lookahead;
    while (nextAt < until) {
      const len = stepSeconds(track, tempo);
      for (const n of stepNotes(track, step)) VOICES[n.voice]?.(bus, n, nextAt, (n.length ?? 1) * len);
      nextAt += len;
      step++;
    }
  }

  /** Starts the wanted loop from its first step (or stops the music), fading the old one out. */
  function restart() {
    if (bus) {
      const old = bus;
      old.gain.setTargetAtTime(0, ctx.currentTime, 0.05);
      setTimeout(() => old.disconnect(), 400);
      bus = null;
    }
    clearInterval(wake);
    wake = null;
    if (!running() || !track) return;
    bus = ctx.createGain();
    bus.gain.value = MUSIC_VOLUME;
    bus.connect(master);
    step = 0;
    nextAt = ctx.currentTime + 0.05;
    schedule();
    wake = setInterval(schedule, WAKE_MS);
  }

  function freshCues() {
    if (cueBus) {
      const old = cueBus;
      old.gain.setTargetAtTime(0, ctx.currentTime, 0.03);
      setTimeout(() => old.disconnect(), 300);
    }
    cueBus = ctx.createGain();
    cueBus.connect(master);
    return cueBus;
  }

  function chord(out, t, notes, length, volume, type = 'triangle') {
    notes.forEach((n) => tone(out, { freq: frequency(n), t, length, volume, type, attack: 0.02, cutoff: 3200 }));
  }

  /** A snare roll from `from` to `to` (s), getting faster and louder. */
  function drumroll(out, from, to) {
    for (let t = from, gap = 0.07; t < to; t += gap, gap = Math.max(0.035, gap * 0.985)) {
      snare(out, t, 0.08 + 0.3 * ((t - from) / (to - from)));
    }
  }

  function cymbal(out, t) {
    hiss(out, { t, length: 1.8, volume: 0.22, freq: 5000, attack: 0.005 });
  }

  const CUES = {
    open: (out, t) => { tone(out, { freq: frequency(72), t, length: 0.18, volume: 0.2 }); tone(out, { freq: frequency(79), t: t + 0.12, length: 0.3, volume: 0.2 }); },
    tick: (out, t) => tone(out, { freq: frequency(93), t, length: 0.06, volume: 0.09, type: 'sine', cutoff: 6000 }),
    reveal: (out, t) => { snare(out, t, 0.2); chord(out, t, [60, 64, 67, 72], 0.9, 0.1); },
    leaderboard: (out, t) => [67, 71, 74, 79].forEach((n, i) => tone(out, { freq: frequency(n), t: t + i * 0.07, length: 0.25, volume: 0.12 })),
    // The podium, timed like its reveal on the screen: third, second, a drumroll, then the winner with a fanfare.
    podium: (out, t) => {
      const at = (ms) => t + ms / 1000;
      chord(out, at(PODIUM_STEPS[3]), [55, 62, 67], 0.6, 0.1);
      chord(out, at(PODIUM_STEPS[2]), [59, 66, 71], 0.6, 0.1);
      drumroll(out, at(PODIUM_STEPS[2] + 400), at(PODIUM_STEPS[1]));
      cymbal(out, at(PODIUM_STEPS[1]));
      kick(out, at(PODIUM_STEPS[1]), 0.5);
      [60, 64, 67].forEach((n, i) => tone(out, { freq: frequency(n + 12), t: at(PODIUM_STEPS[1]) + i * 0.12, length: 0.2, volume: 0.16 }));
      chord(out, at(PODIUM_STEPS[1]) + 0.36, [60, 64, 67, 72], 1.4, 0.12);
    },
  };

  return {
    get enabled() { return enabled; },
    /** The loop that plays now: 'lobby', 'countdown' or null. */
    get playing() { return running() && track ? track : null; },
    /** Called on the page's first clicks and keys: browsers allow audio only from then. */
    unlock() {
      if (!context()) return;
      if (ctx.state === 'suspended') ctx.resume().then(() => restart(), () => {});
      else if (!bus) restart();
    },
    toggle() {
      enabled = !enabled;
      storage?.set(SOUND_KEY, enabled ? 'on' : 'off');
      if (context()) {
        master.gain.setTargetAtTime(enabled ? 1 : 0, ctx.currentTime, 0.03);
        if (ctx.state === 'suspended') ctx.resume().then(() => restart(), () => {});
        else restart();
      }
      return enabled;
    },
    /** Which loop should play ('lobby', 'countdown' or null) and how fast (the countdown quickens at the end). */
    music(name, speed = 1) {
      tempo = speed;
      const wanted = TRACKS[name] ? name : null;
      if (wanted === track && (bus || !track || !running())) return;
      track = wanted;
      if (ctx) restart();
    },
    play(cue) {
      if (running() && CUES[cue]) CUES[cue](freshCues(), ctx.currentTime + 0.02);
    },
    /** Cuts off cues still sounding (the podium's, when the teacher moves on). */
    hush() {
      if (ctx && cueBus) freshCues();
    },
  };
}
