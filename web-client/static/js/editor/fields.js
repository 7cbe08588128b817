// Form pieces of the editor: a labelled field with the problems the server's check placed on it. Values are written
// into an input only when they changed and the teacher is not typing in it, so an update never moves the caret.
import { h, fill, setHidden, setAttr, changeCheck } from '../shared/dom.js';

let nextId = 0;
export const uid = (prefix) => `${prefix}-${++nextId}`;

/** Writes a value into a form control unless it has focus (the teacher's typing is the truth there). */
export function bindValue(el, value) {
  if (el.type === 'checkbox' || el.type === 'radio') {
    if (el.checked !== !!value) el.checked = !!value;
    return;
  }
  const v = value == null ? '' : String(value);
  if (el.value !== v && document.activeElement !== el) el.value = v;
}

/** A list of problems and warnings, each with its kind in words (never colour alone). */
export function mountProblems(testId) {
  const el = h('ul', { class: 'problems', id: uid('problems'), hidden: true, 'data-testid': testId });
  const messagesChanged = changeCheck();
  return {
    el,
    update(problems, warnings) {
      if (!messagesChanged([problems, warnings])) return;
      fill(el, problems.map((p) => h('li', { class: 'problem', 'data-testid': 'problem' },
        h('strong', {}, 'Problem: '), p.message)),
      warnings.map((w) => h('li', { class: 'warning', 'data-testid': 'warning' },
        h('strong', {}, 'Warning: '), w.message)));
      setHidden(el, problems.length + warnings.length === 0);
    },
  };
}

/**
 * A labelled control. kind: 'text' | 'textarea' | 'number' | 'select' | 'checkbox'. onChange(value) is called as
 * the teacher types. Returns {el, input, update(value, problems, warnings)}.
 */
export function field(label, kind, onChange, props = {}) {
  const id = uid('f');
  const problems = mountProblems(props.problemsTestId ?? 'field-problems');
  const common = { id, 'aria-describedby': problems.el.id, ...(props.attrs ?? {}) };
  let input;
  if (kind === 'textarea') input = h('textarea', { rows: props.rows ?? 2, ...common });
  else if (kind === 'select') input = h('select', common, (props.choices ?? []).map((c) => h('option', { value: c.value ?? '' }, c.label)));
  else if (kind === 'checkbox') input = h('input', { type: 'checkbox', ...common });
  else input = h('input', { type: kind === 'number' ? 'number' : 'text', ...(kind === 'number' ? { inputmode: 'decimal', step: 'any' } : {}), ...common });
  const read = () => (kind === 'checkbox' ? input.checked : input.value);
  input.addEventListener(kind === 'select' || kind === 'checkbox' ? 'change' : 'input', () => onChange(read()));
  const labelEl = h('label', { for: id }, label);
  const el = kind === 'checkbox'
    ? h('div', { class: `field check ${props.class ?? ''}` }, h('label', { for: id, class: 'check' }, input, ' ', label), problems.el)
    : h('div', { class: `field ${props.class ?? ''}` }, labelEl, input, props.hint ? h('p', { class: 'hint', text: props.hint }) : null, problems.el);
  return {
    el, input,
    update(value, fieldProblems = [], fieldWarnings = []) {
      bindValue(input, value);
      problems.update(fieldProblems, fieldWarnings);
      setAttr(input, 'aria-invalid', fieldProblems.length > 0 ? 'true' : null);
    },
  };
}
