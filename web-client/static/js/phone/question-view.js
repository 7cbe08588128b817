// A question on the phone: big tiles (single, true/false, poll), toggles and a send button (multi), tap-in-order
// with undo (order), a number keypad (numeric); then "Answer sent". In team talk the options show, locked, with the
// time left to discuss.
import { h, fill, setText, setHidden, setAttr, optionBadge, optionName } from '../shared/dom.js';
import { secondsLeft, timeFraction } from '../shared/state.js';
import { parseNumber } from './answer.js';
import { draftPicks } from './state.js';
import { mark } from '../shared/present.js';
import { mountPicture } from '../shared/picture.js';

const HINTS = {
  single: 'Tap one answer.',
  truefalse: 'True or false?',
  poll: 'Tap one: this is a poll, there is no wrong answer.',
  multi: 'Tap every right answer, then send.',
  order: 'Tap the items in the right order, first one first.',
  numeric: 'Type a number, then send.',
};

export function mountQuestion(root, actions) {
  const heading = h('h1', { class: 'q-number', tabindex: -1, 'data-testid': 'phone-question-number' });
  const countdown = h('span', { class: 'phone-countdown', 'data-testid': 'phone-countdown', 'aria-hidden': 'true' });
  const barFill = h('span');
  const bar = h('div', { class: 'countdown-bar', 'aria-hidden': 'true' }, barFill);
  const prompt = h('h2', { class: 'phone-prompt wrap', 'data-testid': 'phone-prompt' });
  const picture = mountPicture('phone-picture', 'phone-image');
  const hint = h('p', { class: 'hint' });
  const paused = h('p', { class: 'paused-flag', hidden: true, 'data-testid': 'phone-paused' }, 'Paused');
  const intro = h('p', { class: 'intro', hidden: true, 'data-testid': 'get-ready' });
  const talk = h('p', { class: 'talk-flag', hidden: true, 'data-testid': 'phone-team-talk' });
  const area = h('div', { class: 'answer-area', 'data-testid': 'answer-area' });
  const sent = h('div', { class: 'sent', hidden: true, 'data-testid': 'answer-sent' });
  const notice = h('p', { class: 'notice', role: 'alert', hidden: true, 'data-testid': 'phone-notice' });
  const el = h('section', { class: 'screen screen-question', 'data-testid': 'screen-question' },
    h('div', { class: 'q-head' }, heading, countdown), bar, prompt, picture.el, hint, paused, intro, talk, notice, area, sent);
  root.append(el);

  let key = null;
  let controls = {};
  let current = null;
  let lastSent = null;

  const canAnswer = () => current && current.question.phase === 'answering' && !current.question.paused
    && !current.answered && !current.pending;
  const send = (value) => {
    if (canAnswer()) actions.answer(value);
  };

  function build(q) {
    controls = {};
    const label = (i) => q.options?.[i] ?? null;
    const tile = (i, extra = {}) => h('button', { class: `tile opt-${i}`, type: 'button', 'data-option': i, ...extra },
      optionBadge(i),
      h('span', { class: 'visually-hidden' }, optionName(i)),
      label(i) ? h('span', { class: 'tile-text wrap', text: label(i) }) : null);
    if (q.type === 'single' || q.type === 'truefalse' || q.type === 'poll') {
      const tiles = Array.from({ length: q.optionCount }, (_, i) => tile(i, { 'data-testid': 'choice', onclick: () => send(i) }));
      controls.tiles = tiles;
      fill(area, h('div', { class: `tiles${label(0) ? '' : ' no-text'}` }, tiles));
    } else if (q.type === 'multi') {
      const tiles = Array.from({ length: q.optionCount }, (_, i) => tile(i, { 'data-testid': 'choice', 'aria-pressed': 'false',
        onclick: () => actions.toggleOption(i) }));
      controls.tiles = tiles;
      controls.submit = h('button', { class: 'button primary wide', type: 'button', 'data-testid': 'submit-answer',
        onclick: () => send(draftPicks(current)) }, 'Send answer');
      fill(area, h('div', { class: `tiles${label(0) ? '' : ' no-text'}`, role: 'group', 'aria-label': 'Options' }, tiles), controls.submit);
    } else if (q.type === 'order') {
      const items = Array.from({ length: q.optionCount }, (_, i) => h('button', { class: `tile order-item opt-${i}`, type: 'button',
        'data-option': i, 'data-testid': 'order-item', onclick: () => actions.placeItem(i) },
      h('span', { class: 'place-badge', 'aria-hidden': 'true' }),
      optionBadge(i),
      h('span', { class: 'visually-hidden' }, optionName(i)),
      label(i) ? h('span', { class: 'tile-text wrap', text: label(i) }) : null));
      controls.items = items;
      controls.order = h('ol', { class: 'my-order', 'data-testid': 'my-order', 'aria-label': 'Your order', 'aria-live': 'polite' });
      controls.undo = h('button', { class: 'button', type: 'button', 'data-testid': 'undo',
        onclick: () => actions.undoPlace() }, 'Undo');
      controls.submit = h('button', { class: 'button primary', type: 'button', 'data-testid': 'submit-answer',
        onclick: () => send(draftPicks(current)) }, 'Send order');
      fill(area, h('div', { class: 'tiles order' }, items), h('p', { class: 'hint' }, 'Your order:'), controls.order,
        h('div', { class: 'row' }, controls.undo, controls.submit));
    } else if (q.type === 'numeric') {
      const input = h('input', { id: 'numeric-answer', type: 'text', inputmode: 'decimal', autocomplete: 'off',
        enterkeyhint: 'send', 'data-testid': 'numeric-input', 'aria-describedby': 'numeric-unit' });
      const problem = h('p', { class: 'field-error', role: 'alert', hidden: true });
      const form = h('form', { class: 'numeric-form', novalidate: true },
        h('label', { for: 'numeric-answer' }, 'Your answer'),
        h('div', { class: 'row' }, input, h('span', { id: 'numeric-unit', class: 'unit', text: q.unit ?? '' })),
        problem,
        h('button', { class: 'button primary wide', type: 'submit', 'data-testid': 'submit-answer' }, 'Send answer'));
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const v = parseNumber(input.value);
        setText(problem, v == null ? 'Type a number, like 1923 or 2.5.' : '');
        setHidden(problem, v != null);
        if (v != null) send(v);
      });
      controls.input = input;
      controls.form = form;
      fill(area, form);
    } else {
      fill(area, h('p', {}, 'This question cannot be answered on this phone.'));
    }
  }

  function refresh() {
    if (!current) return;
    const q = current.question;
    const pick = draftPicks(current); // the taps so far: multi's options, order's items
    const locked = !canAnswer();
    for (const t of controls.tiles ?? []) {
      t.disabled = locked;
      if (q.type === 'multi') setAttr(t, 'aria-pressed', pick.includes(Number(t.dataset.option)) ? 'true' : 'false');
    }
    if (controls.submit) controls.submit.disabled = locked || (q.type === 'multi' ? pick.length === 0
      : q.type === 'order' ? pick.length !== q.optionCount : false);
    if (q.type === 'order') {
      for (const item of controls.items) {
        const i = Number(item.dataset.option);
        const place = pick.indexOf(i);
        item.disabled = locked || place >= 0;
        setText(item.querySelector('.place-badge'), place >= 0 ? String(place + 1) : '');
        item.classList.toggle('placed', place >= 0);
      }
      const orderKey = pick.join(',');
      if (controls.orderKey !== orderKey) {
        controls.orderKey = orderKey;
        fill(controls.order, pick.map((i) => h('li', {}, `${mark(i).letter}${q.options?.[i] ? `: ${q.options[i]}` : ''}`)));
      }
      controls.undo.disabled = locked || pick.length === 0;
    }
    if (controls.form) {
      controls.input.disabled = locked;
      controls.form.querySelector('button').disabled = locked;
    }
  }

  return {
    el,
    focus: () => heading.focus(),
    update(state, now) {
      const q = state.question;
      if (!q) return;
      current = state;
      const k = JSON.stringify([q.index, q.type, q.options, q.optionCount]);
      if (k !== key) {
        key = k;
        build(q);
      }
      const introPhase = q.phase === 'intro';
      const talking = q.phase === 'talk';
      el.dataset.phase = q.phase;
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
      setHidden(sent, !done);
      const sentKey = state.answered ? `sent${state.saved}` : state.pending ? 'sending' : '';
      if (sentKey !== lastSent) {
        lastSent = sentKey;
        fill(sent, state.answered ? [h('p', { class: 'sent-title' }, '✓ Answer sent'), h('p', { class: 'hint' },
          state.saved ? 'Waiting for the others…' : 'It counts; the server will save it as soon as it can.')]
          : [h('p', { class: 'sent-title' }, 'Sending your answer…')]);
      }
      setText(notice, state.notice ?? '');
      setHidden(notice, !state.notice);
      refresh();
    },
  };
}
