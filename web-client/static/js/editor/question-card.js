// One question of the bank being edited: its type, texts, options (with right answers and why-nots), answer,
// picture and settings, each field with the problems and warnings the server's check placed on it.
import { h, fill, setText, setAttr, setHidden, changeCheck } from '../shared/dom.js';
import { TYPES, TYPE_NAMES, SKILLS, POINTS, problemsAt, countText, textOrNull, numberOrNull, wholeOrNull, tagsOf } from './state.js';
import { field, mountProblems, uid } from './fields.js';

const LETTERS = 'ABCDEF';
const HAS_OPTIONS = ['single', 'multi', 'poll', 'order'];

function optionRow(index, option, q, edit) {
  const isOrder = q.type === 'order';
  const name = isOrder ? `Item ${option + 1}` : `Option ${LETTERS[option] ?? option + 1}`;
  const set = (f) => (value) => edit({ type: 'setOption', index, option, field: f, value });
  const text = field(`${name} text`, 'text', (v) => set('text')(v), { class: 'option-text', attrs: { 'data-testid': 'option-text', 'data-focus': `q${index}-o${option}-text` } });
  const why = field(isOrder ? 'Note' : 'Why (not) this answer', 'text', (v) => set('explanation')(textOrNull(v)),
    { class: 'option-why', attrs: { 'data-testid': 'option-why', 'data-focus': `q${index}-o${option}-why` } });
  const right = q.type === 'single' || q.type === 'multi'
    ? field('Right answer', 'checkbox', (v) => set('correct')(v), { attrs: { 'data-testid': 'option-correct', 'data-focus': `q${index}-o${option}-right` } })
    : null;
  const problems = mountProblems('option-problems');
  const button = (label, testId, action) => h('button', { type: 'button', class: 'button small', 'aria-label': `${label}: ${name}`, 'data-testid': testId, 'data-focus': `q${index}-o${option}-${testId}`, onclick: () => edit(action) }, label);
  const el = h('li', { class: 'option', 'data-testid': 'option' },
    h('div', { class: 'option-fields' }, text.el, right?.el, why.el),
    h('div', { class: 'option-buttons' },
      button('Up', 'option-up', { type: 'moveOption', index, option, by: -1 }),
      button('Down', 'option-down', { type: 'moveOption', index, option, by: 1 }),
      button('Remove', 'option-remove', { type: 'deleteOption', index, option })),
    problems.el);
  return {
    el,
    update(o, list, warns) {
      text.update(o.text);
      why.update(o.explanation);
      right?.update(o.correct);
      problems.update(problemsAt(list, index, 'options', option), problemsAt(warns, index, 'options', option));
    },
  };
}

/** A card for question `index` of type q.type with q.options.length options; rebuilt when either changes. */
export function mountQuestionCard(index, q, actions) {
  const edit = actions.edit;
  const set = (f, convert = (v) => v) => (v) => edit({ type: 'setQuestion', index, field: f, value: convert(v) });
  const title = h('h3', { id: uid('qt'), 'data-testid': 'question-title' });
  const counts = h('p', { class: 'counts', 'data-testid': 'question-counts' });
  const qProblems = mountProblems('question-problems');
  const focusKey = (k) => ({ 'data-focus': `q${index}-${k}` });
  const button = (label, testId, action) => h('button', { type: 'button', class: 'button small', 'data-testid': testId,
    'aria-label': `${label}: question ${index + 1}`, ...focusKey(testId), onclick: () => edit(action) }, label);

  const type = field('Type', 'select', (v) => edit({ type: 'setType', index, qtype: v }),
    { choices: TYPES.map((t) => ({ value: t, label: TYPE_NAMES[t] })), attrs: { 'data-testid': 'question-type', ...focusKey('type') } });
  const id = field('Id', 'text', set('id', textOrNull), { attrs: { 'data-testid': 'question-id', ...focusKey('id') }, hint: 'Letters, digits, - and _; unique in the bank.' });
  const prompt = field('Question', 'textarea', set('prompt', textOrNull), { attrs: { 'data-testid': 'question-prompt', ...focusKey('prompt') } });

  const fields = { type, id, prompt };
  const parts = [type.el, id.el, prompt.el];
  let options = [];
  if (HAS_OPTIONS.includes(q.type)) {
    options = q.options.map((_, o) => optionRow(index, o, q, edit));
    const add = h('button', { type: 'button', class: 'button small', 'data-testid': 'add-option', ...focusKey('add-option'),
      onclick: () => edit({ type: 'addOption', index }) }, q.type === 'order' ? 'Add item' : 'Add option');
    const optionsProblems = mountProblems('options-problems');
    fields.optionsProblems = optionsProblems;
    parts.push(h('fieldset', { class: 'options' },
      h('legend', {}, q.type === 'order' ? 'Items, in the right order (phones get them shuffled)' : 'Options'),
      h('ol', { class: 'option-list' }, options.map((o) => o.el)), optionsProblems.el, add));
  }
  if (q.type === 'truefalse') {
    fields.answer = field('Answer', 'select', (v) => edit({ type: 'setQuestion', index, field: 'trueFalseAnswer', value: v === '' ? null : v === 'true' }),
      { choices: [{ value: 'true', label: 'True' }, { value: 'false', label: 'False' }], attrs: { 'data-testid': 'truefalse-answer', ...focusKey('tf') } });
    parts.push(fields.answer.el);
  }
  if (q.type === 'numeric') {
    fields.answer = field('Answer', 'number', set('numericAnswer', numberOrNull), { attrs: { 'data-testid': 'numeric-answer', ...focusKey('num') } });
    fields.tolerance = field('Accepted distance (±)', 'number', set('tolerance', numberOrNull), { attrs: { 'data-testid': 'numeric-tolerance', ...focusKey('tol') } });
    fields.unit = field('Unit', 'text', set('unit', textOrNull), { attrs: { 'data-testid': 'numeric-unit', ...focusKey('unit') } });
    parts.push(h('div', { class: 'row' }, fields.answer.el, fields.tolerance.el, fields.unit.el));
  }
  if (q.type === 'multi' || q.type === 'single') {
    fields.answer = { el: null, update() {} };
  }
  fields.explanation = field('Explanation (shown at the reveal)', 'textarea', set('explanation', textOrNull), { attrs: { 'data-testid': 'question-explanation', ...focusKey('expl') } });
  fields.source = field('Source (section of the notes)', 'text', set('source', textOrNull), { attrs: { 'data-testid': 'question-source', ...focusKey('source') } });
  fields.skill = field('Skill', 'select', set('skill', textOrNull), { choices: [{ value: '', label: 'Not said' }, ...SKILLS.map((s) => ({ value: s, label: s }))], attrs: { 'data-testid': 'question-skill', ...focusKey('skill') } });
  fields.tags = field('Tags (comma separated)', 'text', set('tags', tagsOf), { attrs: { 'data-testid': 'question-tags', ...focusKey('tags') } });
  fields.timeLimit = field('Time limit (seconds; empty: the bank\'s)', 'number', set('timeLimit', wholeOrNull), { attrs: { 'data-testid': 'question-time', ...focusKey('time'), min: 5, max: 240, step: 1 } });
  fields.points = field('Points', 'select', (v) => edit({ type: 'setQuestion', index, field: 'points', value: v === '' ? null : Number(v) }),
    { choices: POINTS.map((p) => ({ value: p.value == null ? '' : String(p.value), label: p.label })), attrs: { 'data-testid': 'question-points', ...focusKey('points') } });

  // The picture: one already beside the banks, or a new one uploaded; its words for those who cannot see it.
  fields.image = field('Picture', 'select', set('image', textOrNull), { choices: [{ value: '', label: 'None' }], attrs: { 'data-testid': 'question-image', ...focusKey('image') } });
  const uploadId = uid('upload');
  const upload = h('input', { type: 'file', id: uploadId, accept: '.png,.jpg,.jpeg,.webp,.svg,image/png,image/jpeg,image/webp,image/svg+xml', 'data-testid': 'image-upload',
    onchange: (e) => { const file = e.target.files?.[0]; if (file) actions.uploadImage(index, file); e.target.value = ''; } });
  fields.imageAlt = field('Picture described in words (for those who cannot see it)', 'text', set('imageAlt', textOrNull), { attrs: { 'data-testid': 'question-image-alt', ...focusKey('alt') } });
  const preview = h('img', { class: 'preview', alt: '', hidden: true, 'data-testid': 'image-preview' });
  parts.push(h('fieldset', { class: 'picture' }, h('legend', {}, 'Picture'),
    h('div', { class: 'row' }, fields.image.el, h('div', { class: 'field' }, h('label', { for: uploadId }, 'Upload a picture (PNG, JPEG, WebP, SVG; up to 2 MiB)'), upload)),
    fields.imageAlt.el, preview));
  parts.push(fields.explanation.el,
    h('div', { class: 'row' }, fields.source.el, fields.skill.el, fields.tags.el),
    h('div', { class: 'row' }, fields.timeLimit.el, fields.points.el));

  const el = h('li', { class: 'question-card', 'data-testid': 'question-card' },
    h('article', { 'aria-labelledby': title.id },
      h('header', { class: 'card-head' }, title, counts,
        h('div', { class: 'card-buttons' },
          button('Move up', 'question-up', { type: 'moveQuestion', index, by: -1 }),
          button('Move down', 'question-down', { type: 'moveQuestion', index, by: 1 }),
          button('Duplicate', 'question-duplicate', { type: 'duplicateQuestion', index }),
          button('Delete', 'question-delete', { type: 'deleteQuestion', index }))),
      qProblems.el,
      parts));

  const imagesChanged = changeCheck();
  return {
    el,
    update(q, state) {
      const ps = state.problems;
      const ws = state.warnings;
      const at = (f) => [problemsAt(ps, index, f), problemsAt(ws, index, f)];
      setText(title, `Question ${index + 1} · ${TYPE_NAMES[q.type] ?? q.type ?? 'no type'}`);
      const mine = problemsAt(ps, index);
      const myWarnings = problemsAt(ws, index);
      setText(counts, countText(mine, myWarnings) || (state.valid === true && !state.checking ? 'No problems' : ''));
      setAttr(el, 'data-problems', String(mine.length));
      qProblems.update(problemsAt(ps, index, null), problemsAt(ws, index, null));
      type.update(q.type, ...at('type'));
      id.update(q.id, ...at('id'));
      prompt.update(q.prompt, ...at('prompt'));
      options.forEach((o, i) => o.update(q.options[i], ps, ws));
      fields.optionsProblems?.update(problemsAt(ps, index, 'options', null).concat(problemsAt(ps, index, 'answer')),
        problemsAt(ws, index, 'options', null).concat(q.type === 'truefalse' || q.type === 'numeric' ? [] : problemsAt(ws, index, 'answer')));
      if (q.type === 'truefalse') fields.answer.update(q.trueFalseAnswer == null ? '' : String(q.trueFalseAnswer), ...at('answer'));
      if (q.type === 'numeric') {
        fields.answer.update(q.numericAnswer, ...at('answer'));
        fields.tolerance.update(q.tolerance, ...at('tolerance'));
        fields.unit.update(q.unit, ...at('unit'));
      }
      fields.explanation.update(q.explanation, ...at('explanation'));
      fields.source.update(q.source, ...at('source'));
      fields.skill.update(q.skill ?? '', ...at('skill'));
      fields.tags.update((q.tags ?? []).join(', '), ...at('tags'));
      fields.timeLimit.update(q.timeLimit, ...at('timeLimit'));
      fields.points.update(q.points == null ? '' : String(q.points), ...at('points'));
      const images = [...new Set([...(state.images ?? []), ...(q.image ? [q.image] : [])])].sort();
      if (imagesChanged(images)) {
        fill(fields.image.input, h('option', { value: '' }, 'None'), images.map((n) => h('option', { value: n }, n)));
        fields.image.input.value = q.image ?? '';
      }
      fields.image.update(q.image ?? '', ...at('image'));
      fields.imageAlt.update(q.imageAlt, ...at('imageAlt'));
      const src = q.image ? `/api/images/${encodeURIComponent(q.image)}` : null;
      if (src !== preview.getAttribute('src')) setAttr(preview, 'src', src);
      setAttr(preview, 'alt', q.imageAlt ?? '');
      setHidden(preview, !src);
    },
  };
}

/** What makes a card's layout: its type and how many options it has. */
export function cardShape(q) {
  return `${q.type}:${q.options?.length ?? 0}`;
}

