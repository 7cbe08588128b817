// A question on the phone: big tiles (single, true/false, poll), toggles (multi), a list to drag or step into order
// (order), a number field (numeric), with the send button in a bar at the bottom; then "Answer sent" and what was
// sent. The screen is as tall as the phone and never scrolls as a whole: the prompt and the options give up space
// step by step until every option and the send button are on screen, and the whole prompt is one tap away. In team
// talk the options show, locked, with the time left to discuss.
import { h, fill, setText, setHidden, setAttr, optionBadge, optionName, screenView, changeCheck } from '../shared/dom.js';
import { secondsLeft, timeFraction } from '../shared/state.js';
import { parseNumber } from './answer.js';
import { draftPicks, orderArrangement } from './state.js';
import { answerChips } from './answer-view.js';
import { mountOrderList } from './order-view.js';
import { mountPicture } from '../shared/picture.js';

const HINTS = {
  single: 'Tap one answer.',
  truefalse: 'True or false?',
  poll: 'Tap one: a poll, no wrong answer.',
  multi: 'Tap every right answer, then send.',
  order: 'First at the top: drag, or use ▲ ▼.',
  numeric: 'Type a number, then send.',
};

/**
 * How the screen compacts, one step at a time until everything fits: [tile size 0–3, prompt lines (0: all)]. The
 * tiles and the prompt give up space in turn, so that neither shrinks far while the other still could. Past the
 * last step the options scroll in their own area, under a prompt and above a send button that stay.
 */
const FIT_STEPS = [[0, 0], [1, 0], [1, 3], [2, 3], [2, 2], [3, 2], [3, 1]];

export function mountQuestion(root, actions) {
  const heading = h('h1', { class: 'q-number', tabindex: -1, 'data-testid': 'phone-question-number' });
  const countdown = h('span', { class: 'phone-countdown', 'data-testid': 'phone-countdown', 'aria-hidden': 'true' });
  const barFill = h('span');
  const bar = h('div', { class: 'countdown-bar', 'aria-hidden': 'true' }, barFill);
  const prompt = h('h2', { id: 'phone-prompt', class: 'phone-prompt wrap', 'data-testid': 'phone-prompt' });
  const more = h('button', { class: 'prompt-toggle', type: 'button', hidden: true, 'aria-expanded': 'false',
    'aria-controls': 'phone-prompt', 'data-testid': 'prompt-toggle', onclick: () => toggleWhole() });
  const promptBox = h('div', { class: 'prompt-box' }, prompt, more);
  const hint = h('p', { class: 'hint q-hint', 'data-testid': 'phone-hint' });
  const picture = mountPicture('phone-picture', 'phone-image');
  const paused = h('p', { class: 'paused-flag', hidden: true, 'data-testid': 'phone-paused' }, 'Paused');
  const intro = h('p', { class: 'intro', hidden: true, 'data-testid': 'get-ready' });
  const talk = h('p', { class: 'talk-flag', hidden: true, 'data-testid': 'phone-team-talk' });
  const area = h('div', { class: 'answer-area', 'data-testid': 'answer-area' });
  const submitBar = h('div', { class: 'submit-bar', hidden: true, 'data-testid': 'submit-bar' });
  const sent = h('div', { class: 'sent', hidden: true, 'data-testid': 'answer-sent' });
  const notice = h('p', { class: 'notice', role: 'alert', hidden: true, 'data-testid': 'phone-notice' });
  const info = h('div', { class: 'q-info' }, h('div', { class: 'q-head' }, heading, countdown), bar, promptBox, picture.el, hint,
    paused, talk, notice);
  const answer = h('div', { class: 'q-answer' }, intro, area, submitBar, sent);
  const el = h('section', { class: 'screen screen-question', 'data-testid': 'screen-question' }, info, answer);
  root.append(el);

  const shapeChanged = changeCheck();
  let controls = {};
  let current = null;
  const sentChanged = changeCheck();
  let whole = false; // the player asked for the whole prompt
  let layoutKey = null;

  const canAnswer = () => current && current.question.phase === 'answering' && !current.question.paused
    && !current.answered && !current.pending;
  const send = (value) => {
    if (canAnswer()) actions.answer(value);
  };

  function submitButton(label, props = {}) {
    return h('button', { class: 'button primary wide', type: 'button', 'data-testid': 'submit-answer', ...props }, label);
  }

  function build(q) {
    controls = {};
    const label = (i) => q.options?.[i] ?? null;
    const tile = (i, extra = {}) => h('button', { class: `tile opt-${i}`, type: 'button', 'data-option': i, ...extra },
      optionBadge(i),
      h('span', { class: 'visually-hidden' }, optionName(i)),
      label(i) ? h('span', { class: 'tile-text wrap', text: label(i) }) : null);
    const tileClass = `tiles count-${q.optionCount}${label(0) ? '' : ' no-text'}`;
    let submit = null;
    if (q.type === 'single' || q.type === 'truefalse' || q.type === 'poll') {
      controls.tiles = Array.from({ length: q.optionCount }, (_, i) => tile(i, { 'data-testid': 'choice', onclick: () => send(i) }));
      fill(area, h('div', { class: tileClass }, controls.tiles));
    } else if (q.type === 'multi') {
      controls.tiles = Array.from({ length: q.optionCount }, (_, i) => tile(i, { 'data-testid': 'choice', 'aria-pressed': 'false',
        onclick: () => actions.toggleOption(i) }));
      submit = submitButton('Send answer', { onclick: () => send(draftPicks(current)) });
      fill(area, h('div', { class: tileClass, role: 'group', 'aria-label': 'Options' }, controls.tiles));
    } else if (q.type === 'order') {
      controls.order = mountOrderList(q, (item, to) => actions.moveItem(item, to));
      submit = submitButton('Send order', { onclick: () => send(orderArrangement(current)) });
      fill(area, controls.order.el);
    } else if (q.type === 'numeric') {
      const input = h('input', { id: 'numeric-answer', type: 'text', inputmode: 'decimal', autocomplete: 'off',
        enterkeyhint: 'send', 'data-testid': 'numeric-input', 'aria-describedby': 'numeric-unit numeric-problem' });
      const problem = h('p', { id: 'numeric-problem', class: 'field-error', role: 'alert', hidden: true });
      const form = h('form', { id: 'numeric-form', class: 'numeric-form', novalidate: true },
        h('label', { for: 'numeric-answer' }, 'Your answer'),
        h('div', { class: 'row' }, input, h('span', { id: 'numeric-unit', class: 'unit', text: q.unit ?? '' })),
        problem);
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const v = parseNumber(input.value);
        setText(problem, v == null ? 'Type a number, like 1923 or 2.5.' : '');
        setHidden(problem, v != null);
        layoutKey = null; // the message takes a line: fit again
        if (v != null) send(v);
        else fit();
      });
      submit = submitButton('Send answer', { type: 'submit', form: 'numeric-form' });
      controls.input = input;
      fill(area, form);
    } else {
      fill(area, h('p', {}, 'This question cannot be answered on this phone.'));
    }
    controls.submit = submit;
    fill(submitBar, submit);
  }

  function refresh() {
    if (!current) return;
    const q = current.question;
    const pick = draftPicks(current); // multi's options tapped so far
    const locked = !canAnswer();
    for (const t of controls.tiles ?? []) {
      t.disabled = locked;
      if (q.type === 'multi') setAttr(t, 'aria-pressed', pick.includes(Number(t.dataset.option)) ? 'true' : 'false');
    }
    if (controls.submit) controls.submit.disabled = locked || (q.type === 'multi' && pick.length === 0);
    // Multi's button is its hint too: what to do until something is ticked, then how many it sends.
    if (q.type === 'multi') {
      setText(controls.submit, pick.length === 0 ? 'Tick the right answers'
        : `Send ${pick.length} ${pick.length === 1 ? 'answer' : 'answers'}`);
    }
    controls.order?.update(orderArrangement(current), locked);
    if (controls.input) controls.input.disabled = locked;
  }

  function toggleWhole() {
    whole = !whole;
    layoutKey = null;
    fit();
  }

  /** Compacts the screen step by step until the options and the send button are all on screen. */
  function fit() {
    el.classList.toggle('whole-prompt', whole);
    setAttr(more, 'aria-expanded', whole ? 'true' : 'false');
    setText(more, whole ? 'Less ▴' : 'More ▾');
    setAttr(more, 'aria-label', whole ? 'Less: fold the question' : 'More: show the whole question');
    setAttr(prompt, 'tabindex', whole ? '0' : null); // it may scroll: reachable by keyboard
    let step = 0;
    for (; step < FIT_STEPS.length; step++) {
      const [tiles, lines] = FIT_STEPS[step];
      for (let k = 1; k <= 3; k++) {
        el.classList.toggle(`compact-${k}`, k <= tiles);
        el.classList.toggle(`clamp-${k}`, k === lines);
      }
      // The button beside the prompt narrows it: measured with the button there, and dropped if nothing is cut.
      setHidden(more, false);
      setHidden(more, !(whole || prompt.scrollHeight > prompt.clientHeight + 1));
      if (!overflows()) break;
    }
    el.dataset.fit = String(Math.min(step, FIT_STEPS.length - 1));
  }

  function overflows() {
    const over = (e) => !e.hidden && e.scrollHeight > e.clientHeight + 1;
    return over(area) || over(sent) || over(info) || over(el);
  }

  window.addEventListener('resize', () => {
    if (!el.hidden) fit();
  });

  return screenView(el, 'question', () => heading.focus(), (q, state, now) => {
    current = state;
    const shape = [q.index, q.type, q.options, q.optionCount];
    if (shapeChanged(shape)) {
      whole = false;
      build(q);
    }
    const introPhase = q.phase === 'intro';
    const talking = q.phase === 'talk';
    el.dataset.phase = q.phase;
    el.dataset.type = q.type;
    const done = state.answered || !!state.pending;
    setText(heading, `Question ${q.index + 1} of ${q.count}`);
    setText(countdown, `${secondsLeft(q, now)} s`);
    barFill.style.transform = `scaleX(${introPhase ? 1 : timeFraction(q, now)})`;
    setText(prompt, q.prompt ?? 'Read the question on the big screen.');
    picture.update(q.image);
    setText(hint, HINTS[q.type] ?? '');
    setHidden(hint, introPhase || talking || done);
    setHidden(talk, !talking);
    setText(talk, `Team talk: discuss with your team. Answers open in ${secondsLeft(q, now)} s.`);
    setHidden(paused, !q.paused);
    setHidden(intro, !introPhase);
    setText(intro, `Get ready: answers open in ${secondsLeft(q, now)} s`);
    setHidden(area, introPhase || done);
    setHidden(submitBar, introPhase || done || !controls.submit);
    setHidden(sent, !done);
    const mine = state.mine?.answer.question === q.index ? state.mine : null;
    const sending = [state.answered ? `sent${state.saved}` : state.pending ? 'sending' : '', mine];
    if (sentChanged(sending)) {
      fill(sent,
        h('p', { class: 'sent-title' }, state.answered ? [h('span', { 'aria-hidden': 'true' }, '✓ '), 'Answer sent'] : 'Sending your answer…'),
        mine ? h('div', { class: 'my-answer', 'data-testid': 'my-answer' },
          h('p', { class: 'my-answer-label' }, 'Your answer'),
          answerChips(mine.answer, mine.options, { unit: q.unit })) : null,
        state.answered ? h('p', { class: 'hint' }, state.saved ? 'Waiting for the others…'
          : 'It counts; the server will save it as soon as it can.') : null);
    }
    setText(notice, state.notice ?? '');
    setHidden(notice, !state.notice);
    refresh();
    const lk = JSON.stringify([shape, q.phase, q.paused, done, sending, state.notice, el.hidden]);
    if (lk !== layoutKey) {
      layoutKey = lk;
      fit();
    }
  });
}
