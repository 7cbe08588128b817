// A question on the projector: the prompt alone for the reading time, then (in team games with team talk) the tiles
// and a "Team talk" countdown, then the tiles, countdown and answer count. Its type is fitted to the window, so that
// long questions never scroll.
import { h, fill, setText, setHidden, setAttr, optionBadge, optionName, screenView, changeCheck } from '../shared/dom.js';
import { secondsLeft, timeFraction } from '../shared/state.js';
import { mountGameControls } from './controls.js';
import { mountPicture } from '../shared/picture.js';
import { fitScreen } from './fit.js';

/**
 * Room the question leaves free at the foot of the screen, for what the reveal adds (its text must not be set
 * smaller than the question's): the bars and about five lines of explanation, and for a number the answer and the
 * histogram too.
 */
export function revealRoom(type) {
  return type === 'numeric' ? 'calc(var(--option-size) * 7.5 + 9rem * var(--fit))' : 'calc(var(--option-size) * 7.5)';
}

export const HINTS = {
  single: 'Choose one answer',
  truefalse: 'True or false?',
  multi: 'Choose all that apply',
  order: 'Put these in order',
  numeric: 'Type a number',
  poll: 'Poll: no right answer',
};

export function questionHeading(q) {
  return q ? `Question ${q.index + 1} of ${q.count}` : '';
}

export function mountQuestion(root, actions) {
  const heading = h('h1', { class: 'q-number', tabindex: -1, 'data-testid': 'question-number' });
  const hint = h('p', { class: 'q-hint', 'data-testid': 'question-hint' });
  const double = h('p', { class: 'q-points', hidden: true });
  const countdown = h('p', { class: 'countdown', 'data-testid': 'countdown', role: 'timer', 'aria-live': 'off' });
  const countdownLabel = h('p', { class: 'countdown-label' });
  const barFill = h('span');
  const bar = h('div', { class: 'countdown-bar', 'aria-hidden': 'true' }, barFill);
  const answers = h('p', { class: 'answer-count', 'data-testid': 'answer-count' });
  const prompt = h('h2', { class: 'prompt wrap', 'data-testid': 'prompt' });
  const picture = mountPicture('q-picture', 'question-image');
  const tiles = h('ol', { class: 'tiles', 'data-testid': 'tiles' });
  const numeric = h('p', { class: 'numeric-hint', hidden: true });
  const paused = h('p', { class: 'paused-flag', role: 'status', hidden: true, 'data-testid': 'paused' }, 'Paused');
  const talk = h('p', { class: 'talk-flag', hidden: true, 'data-testid': 'team-talk' },
    h('strong', {}, 'Team talk'), ' · discuss with your team; answers open when the time is up');
  const controls = mountGameControls(actions);

  const el = h('section', { class: 'screen screen-question', id: 'screen-question', 'data-testid': 'screen-question' },
    h('div', { class: 'q-top' },
      h('div', { class: 'q-meta' }, heading, hint, double),
      h('div', { class: 'q-clock' }, countdown, countdownLabel),
      answers),
    bar,
    prompt,
    picture.el,
    paused,
    talk,
    tiles,
    numeric,
    controls.el);
  root.append(el);

  const tilesChanged = changeCheck();
  const fitChanged = changeCheck();
  return screenView(el, 'question', () => controls.focus(), (q, state, now) => {
    const intro = q.phase === 'intro';
    const talking = q.phase === 'talk';
    setText(heading, questionHeading(q));
    setText(hint, HINTS[q.type] ?? '');
    setHidden(double, q.points === 1000);
    setText(double, q.points === 0 ? 'No points' : q.points === 2000 ? 'Double points' : `${q.points} points`);
    setText(prompt, q.prompt ?? '');
    picture.update(q.image);
    setAttr(el, 'data-phase', q.phase);
    const secs = secondsLeft(q, now);
    setText(countdown, secs);
    setText(countdownLabel, intro ? 'until answers open' : talking ? (secs === 1 ? 'second of team talk' : 'seconds of team talk') : secs === 1 ? 'second left' : 'seconds left');
    barFill.style.transform = `scaleX(${intro || talking ? 1 : timeFraction(q, now)})`;
    setText(answers, intro || talking ? '' : `${state.answered} of ${state.total} answered`);
    setHidden(paused, !q.paused);
    setHidden(talk, !talking);
    const shape = [q.index, q.options, q.type];
    if (tilesChanged(shape)) {
      const opts = q.options ?? [];
      fill(tiles, q.type === 'numeric' ? [] : opts.map((text, i) =>
        h('li', { class: `tile opt-${i}`, 'data-testid': 'tile' },
          optionBadge(i),
          h('span', { class: 'visually-hidden' }, `${optionName(i)}: `),
          h('span', { class: 'tile-text wrap', text }))));
      setText(numeric, q.unit ? `Type your answer on your phone (in ${q.unit})` : 'Type your answer on your phone');
    }
    setAttr(tiles, 'data-count', (q.options ?? []).length);
    // The prompt shows alone while the class reads it.
    setHidden(tiles, intro || q.type === 'numeric');
    setHidden(numeric, intro || q.type !== 'numeric');
    controls.update(state);
    if (!el.hidden && fitChanged([shape, q.prompt, intro, talking, !!q.paused, innerWidth, innerHeight])) {
      fitScreen(el, intro ? '' : revealRoom(q.type));
    }
  });
}
