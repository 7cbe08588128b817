// The bank being edited: its own fields, its questions (one card each), adding questions of every type, saving,
// exporting, and its backups. Problems and warnings from the server's check show next to their fields.
import { h, fill, setText, setHidden, changeCheck } from '../shared/dom.js';
import { TYPES, TYPE_NAMES, problemsAt, countText, textOrNull, wholeOrNull } from './state.js';
import { field, mountProblems } from './fields.js';
import { mountQuestionCard, cardShape } from './question-card.js';

export function mountBank(root, actions) {
  const edit = actions.edit;
  const heading = h('h1', { tabindex: -1, 'data-testid': 'bank-heading' });
  const setBank = (f, convert = (v) => v) => (v) => edit({ type: 'setBank', field: f, value: convert(v) });
  const title = field('Title', 'text', setBank('title', (v) => v), { attrs: { 'data-testid': 'bank-title' } });
  const id = field('Bank id', 'text', setBank('id', (v) => v), { attrs: { 'data-testid': 'bank-id' }, hint: 'Lower-case letters, digits and -; unique among the banks.' });
  const file = field('File name', 'text', (v) => edit({ type: 'setFile', file: v.trim() }), { attrs: { 'data-testid': 'bank-file-name' }, hint: 'Ends in .yaml; saved in the banks folder.' });
  const description = field('Description', 'textarea', setBank('description', textOrNull), { attrs: { 'data-testid': 'bank-description' } });
  const topic = field('Topic', 'text', setBank('topic', textOrNull), { attrs: { 'data-testid': 'bank-topic' } });
  const timeLimit = field('Seconds per question (empty: 20)', 'number', setBank('timeLimit', wholeOrNull), { attrs: { 'data-testid': 'bank-time', min: 5, max: 240, step: 1 } });
  const bankProblems = mountProblems('bank-problems');
  const summary = h('p', { class: 'check-summary', role: 'status', 'data-testid': 'check-summary' });
  const list = h('ol', { class: 'question-list', 'data-testid': 'questions' });
  const status = h('p', { class: 'status', role: 'status', 'data-testid': 'editor-status' });
  const error = h('p', { class: 'notice', role: 'alert', hidden: true, 'data-testid': 'editor-error' });
  const save = h('button', { type: 'button', class: 'button primary', 'data-testid': 'save', onclick: () => actions.save() }, 'Save');
  const exportYaml = h('button', { type: 'button', class: 'button', 'data-testid': 'export-yaml', onclick: () => actions.exportBank('yaml') }, 'Export YAML');
  const exportXlsx = h('button', { type: 'button', class: 'button', 'data-testid': 'export-xlsx', onclick: () => actions.exportBank('xlsx') }, 'Export for Kahoot! (.xlsx)');
  const showBackups = h('button', { type: 'button', class: 'button', 'data-testid': 'show-backups', onclick: () => actions.listBackups() }, 'Earlier versions');
  const close = h('button', { type: 'button', class: 'button', 'data-testid': 'close-bank', onclick: () => actions.close() }, 'Back to the banks');
  const backups = h('div', { class: 'backups', hidden: true, 'data-testid': 'backups' });
  const adders = h('div', { class: 'adders', role: 'group', 'aria-label': 'Add a question' },
    h('span', { class: 'hint' }, 'Add a question:'),
    TYPES.map((t) => h('button', { type: 'button', class: 'button small', 'data-testid': `add-${t}`, onclick: () => actions.addQuestion(t) }, TYPE_NAMES[t])));

  const el = h('section', { class: 'screen screen-bank', 'data-testid': 'screen-bank', 'aria-labelledby': 'bank-h' },
    h('div', { class: 'bank-top' }, heading, close),
    h('div', { class: 'toolbar' }, save, exportYaml, exportXlsx, showBackups),
    status, error, backups,
    h('fieldset', { class: 'bank-fields' }, h('legend', {}, 'The bank'),
      h('div', { class: 'row' }, title.el, id.el, file.el), description.el, h('div', { class: 'row' }, topic.el, timeLimit.el),
      bankProblems.el),
    summary,
    h('h2', {}, 'Questions'),
    list,
    adders);
  heading.id = 'bank-h';
  root.append(el);

  let cards = [];
  let shape = null;
  const backupsChanged = changeCheck();
  return {
    el,
    update(s) {
      const d = s.draft;
      if (!d) return;
      setText(heading, d.title ? `Editing: ${d.title}` : 'New bank');
      const at = (f) => [problemsAt(s.problems, null, f), problemsAt(s.warnings, null, f)];
      title.update(d.title, ...at('title'));
      id.update(d.id, ...at('id'));
      file.update(s.file);
      file.input.readOnly = s.version !== 'none';
      description.update(d.description, ...at('description'));
      topic.update(d.topic, ...at('topic'));
      timeLimit.update(d.timeLimit, ...at('timeLimit'));
      bankProblems.update(problemsAt(s.problems, null, null), problemsAt(s.warnings, null, null));
      setText(summary, s.checking ? 'Checking…' : s.valid == null ? '' : s.valid
        ? (s.warnings.length ? `Ready to save, with ${countText([], s.warnings)} to look at.` : 'Ready to save: no problems.')
        : `Not ready to save: ${countText(s.problems, [])}.`);
      const nextShape = d.questions.map(cardShape).join('|');
      if (nextShape !== shape) {
        const focused = document.activeElement?.dataset?.focus;
        shape = nextShape;
        cards = d.questions.map((q, i) => mountQuestionCard(i, q, actions));
        fill(list, cards.map((c) => c.el));
        if (focused) list.querySelector(`[data-focus="${focused}"]`)?.focus();
      }
      cards.forEach((c, i) => c.update(d.questions[i], s));
      setText(status, s.status ?? (s.dirty ? 'Not saved yet.' : ''));
      setText(error, s.error);
      setHidden(error, !s.error);
      save.disabled = s.busy;
      const saved = s.version && s.version !== 'none';
      exportYaml.disabled = !saved;
      exportXlsx.disabled = !saved;
      showBackups.disabled = !saved;
      if (backupsChanged(s.backups)) {
        setHidden(backups, s.backups == null);
        fill(backups, h('h2', {}, 'Earlier versions'),
          (s.backups ?? []).length === 0 ? h('p', { class: 'hint' }, 'No earlier versions are kept yet.') :
            h('ul', {}, s.backups.map((b) => h('li', { 'data-testid': 'backup' },
              h('span', {}, `Replaced ${new Date(b.replacedAt).toLocaleString()} (${b.size} bytes) `),
              h('button', { type: 'button', class: 'button small', 'data-testid': 'restore', 'aria-label': `Restore the version replaced ${new Date(b.replacedAt).toLocaleString()}`,
                onclick: () => actions.restore(b.name) }, 'Restore')))));
      }
    },
  };
}
