// Optional beeps made with WebAudio (no audio files). Off until the teacher turns them on.
export function createSound(storage) {
  let enabled = storage?.get('quizroom.sound') === 'on';
  let ctx = null;

  function context() {
    if (!ctx) {
      const AudioCtx = globalThis.AudioContext ?? globalThis.webkitAudioContext;
      if (!AudioCtx) return null;
      ctx = new AudioCtx();
    }
    if (ctx.state === 'suspended') ctx.resume();
    return ctx;
  }

  function tone(freq, start, length, volume = 0.15) {
    const c = context();
    if (!c) return;
    const osc = c.createOscillator();
    const gain = c.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    const t = c.currentTime + start;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(volume, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + length);
    osc.connect(gain).connect(c.destination);
    osc.start(t);
    osc.stop(t + length + 0.05);
  }

  const CUES = {
    open: () => { tone(523, 0, 0.15); tone(784, 0.15, 0.25); },
    tick: () => tone(880, 0, 0.08, 0.08),
    reveal: () => { tone(523, 0, 0.2); tone(659, 0.12, 0.2); tone(784, 0.24, 0.35); },
    podium: () => [523, 659, 784, 1047].forEach((f, i) => tone(f, i * 0.18, 0.4)),
  };

  return {
    get enabled() { return enabled; },
    toggle() {
      enabled = !enabled;
      storage?.set('quizroom.sound', enabled ? 'on' : 'off');
      if (enabled) context(); // created inside the click, as browsers require
      return enabled;
    },
    play(cue) {
      if (enabled) CUES[cue]?.();
    },
  };
}
