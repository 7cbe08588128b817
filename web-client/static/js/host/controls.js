// The teacher's buttons during a game: pause or resume, skip, end (asks once more), and the phase's "next".
import { h, setText, setHidden } from '../shared/dom.js';

const NEXT_LABEL = {
  intro: 'Open answers now',
  talk: 'Open answers now',
  reveal: 'Show leaderboard',
  podium: 'Finish game',
};

export function nextLabel(state) {
  if (state.phase === 'leaderboard') {
    const lb = state.leaderboard;
    return lb && lb.index + 1 >= lb.count ? 'Show podium' : 'Next question';
  }
  return NEXT_LABEL[state.phase] ?? null;
}

export function mountGameControls(actions) {
  let armed = null;
  const next = h('button', { class: 'button primary', type: 'button', 'data-testid': 'next',
    onclick: () => actions.send({ type: 'next' }) });
  const pause = h('button', { class: 'button', type: 'button', 'data-testid': 'pause',
    onclick: () => actions.send({ type: pause.dataset.paused === 'true' ? 'resume' : 'pause' }) });
  const skip = h('button', { class: 'button', type: 'button', 'data-testid': 'skip',
    onclick: () => actions.send({ type: 'skip' }) }, 'Skip');
  const end = h('button', { class: 'button danger', type: 'button', 'data-testid': 'end',
    onclick: () => {
      if (armed) {
        clearTimeout(armed);
        armed = null;
        setText(end, 'End game');
        actions.send({ type: 'end' });
      } else {
        setText(end, 'Really end? Press again');
        armed = setTimeout(() => { armed = null; setText(end, 'End game'); }, 5000);
      }
    } }, 'End game');
  const el = h('div', { class: 'controls', role: 'group', 'aria-label': 'Game controls' }, pause, skip, end, next);
  return {
    el,
    focus: () => (next.hidden ? pause : next).focus(),
    update(state) {
      const running = state.phase === 'intro' || state.phase === 'talk' || state.phase === 'answering';
      const paused = !!state.question?.paused && running;
      pause.dataset.paused = String(paused);
      setText(pause, paused ? 'Resume' : 'Pause');
      setHidden(pause, !running);
      setHidden(skip, !running);
      setHidden(end, state.phase === 'podium' || state.phase === 'finished');
      const label = nextLabel(state);
      setHidden(next, !label);
      setText(next, label ?? '');
      next.disabled = paused;
    },
  };
}
