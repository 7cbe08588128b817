// Start screen: pick a bank, the game options and team play, then create the game (with the teacher password where
// the server asks for one).
import { h, fill, setText, setHidden, changeCheck } from '../shared/dom.js';
import { teamsRequest } from './teams.js';
import { mountTeamOptions } from './team-options.js';
import { mountJoinAddress } from './join-address.js';
import { classSizeOf } from './state.js';

export function mountSetup(root, actions) {
  const banks = h('div', { class: 'bank-list', role: 'radiogroup', 'aria-labelledby': 'bank-heading', 'data-testid': 'banks' });
  const timeLimit = h('select', { id: 'opt-time', name: 'timeLimit' });
  const reading = h('input', { id: 'opt-reading', name: 'readingSeconds', type: 'number', inputmode: 'numeric', min: 0, max: 20, value: 4 });
  // The most players the game seats: a bot flood stops there, and the lobby counts against it.
  const classSize = h('input', { id: 'opt-class-size', name: 'classSize', type: 'number', inputmode: 'numeric', min: 1,
    max: 100, value: 100, 'aria-describedby': 'opt-class-size-hint', 'data-testid': 'class-size' });
  const classSizeHint = h('p', { id: 'opt-class-size-hint', class: 'hint options-hint' });
  const scoringClassic = h('input', { type: 'radio', name: 'scoring', value: 'classic', id: 'opt-classic', checked: true });
  const scoringAccuracy = h('input', { type: 'radio', name: 'scoring', value: 'accuracy', id: 'opt-accuracy' });
  const flag = (id, label, checked) => {
    const input = h('input', { type: 'checkbox', id, checked });
    return { input, row: h('label', { class: 'check', for: id }, input, ' ', label) };
  };
  const streak = flag('opt-streak', 'Streak bonus', true);
  const shuffleQ = flag('opt-shuffle-questions', 'Shuffle questions', false);
  const shuffleO = flag('opt-shuffle-options', 'Shuffle answers', true);
  const textOnPhones = flag('opt-text-phones', 'Question text on phones', true);
  const generated = flag('opt-generated-names', 'Generated names only', false);
  generated.row.hidden = true; // only where the server offers it
  const twoStep = flag('opt-two-step', 'Two-step join (recommended for large or public games)', false);
  twoStep.row.hidden = true;
  const imagesOnPhones = flag('opt-images-phones', 'Pictures on phones too', false);
  imagesOnPhones.row.hidden = true;
  const teamOptions = mountTeamOptions();
  const joinAddress = mountJoinAddress(actions);
  const password = h('input', { id: 'opt-password', type: 'password', autocomplete: 'current-password',
    'data-testid': 'teacher-password' });
  const passwordRow = h('div', { class: 'password-row', hidden: true },
    h('label', { for: 'opt-password' }, 'Teacher password'), password);
  // Shown only on the server's own computer: what to type on another laptop to host from there.
  const generatedPassword = h('code', { 'data-testid': 'generated-password' });
  const passwordHint = h('p', { class: 'hint password-hint', hidden: true, 'data-testid': 'password-hint' },
    'To host from another computer, type this teacher password on its setup page: ', generatedPassword);
  const error = h('p', { class: 'notice', role: 'alert', hidden: true, 'data-testid': 'setup-error' });
  const create = h('button', { class: 'button primary big', type: 'submit', 'data-testid': 'create-game' }, 'Create game');

  const form = h('form', { class: 'setup-form', novalidate: true },
    h('fieldset', { class: 'banks' },
      h('legend', { id: 'bank-heading' }, 'Question bank'),
      banks,
      h('a', { class: 'editor-link', href: '/editor', target: '_blank', 'data-testid': 'editor-link' }, 'Write or edit question banks')),
    h('fieldset', { class: 'options' },
      h('legend', {}, 'Game options'),
      h('label', { for: 'opt-time' }, 'Time limit'), timeLimit,
      h('label', { for: 'opt-reading' }, 'Reading (s)'), reading,
      h('label', { for: 'opt-class-size' }, 'Expected class size'), classSize, classSizeHint,
      h('fieldset', { class: 'scoring' }, h('legend', {}, 'Scoring'),
        h('label', { class: 'check', for: 'opt-classic' }, scoringClassic, ' Classic: faster scores more'),
        h('label', { class: 'check', for: 'opt-accuracy' }, scoringAccuracy, ' Accuracy: speed breaks ties')),
      streak.row, shuffleQ.row, shuffleO.row, textOnPhones.row, generated.row, twoStep.row, imagesOnPhones.row),
    h('div', { class: 'setup-side' },
      teamOptions.el,
      joinAddress.el,
      passwordRow, passwordHint,
      error,
      h('div', { class: 'actions' }, create)));

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const picked = banks.querySelector('input[name="bank"]:checked');
    if (!picked) {
      actions.setupError('Pick a question bank first.');
      return;
    }
    const seconds = Number(reading.value);
    const size = classSizeOf(classSize.value, Number(classSize.max));
    if (size == null) {
      actions.setupError(`The expected class size is a whole number from 1 to ${classSize.max}.`);
      classSize.focus();
      return;
    }
    const team = teamsRequest(teamOptions.read());
    if (team.error) {
      actions.setupError(team.error);
      return;
    }
    if (!passwordRow.hidden && password.value === '') {
      actions.setupError('Type the teacher password first.');
      password.focus();
      return;
    }
    actions.create({
      bankId: picked.value,
      scoring: scoringAccuracy.checked ? 'accuracy' : 'classic',
      streakBonus: streak.input.checked,
      shuffleQuestions: shuffleQ.input.checked,
      shuffleOptions: shuffleO.input.checked,
      showTextOnPhones: textOnPhones.input.checked,
      timeLimit: timeLimit.value === '' ? null : Number(timeLimit.value),
      readingSeconds: Number.isInteger(seconds) ? Math.min(20, Math.max(0, seconds)) : 4,
      classSize: size,
      ...(generated.row.hidden ? {} : { generatedNames: generated.input.checked }),
      ...(twoStep.row.hidden ? {} : { twoStepJoin: twoStep.input.checked }),
      ...(imagesOnPhones.row.hidden ? {} : { imagesOnPhones: imagesOnPhones.input.checked }),
      ...(team.teams ? { teams: team.teams } : {}),
    }, passwordRow.hidden ? null : password.value);
  });

  const el = h('section', { class: 'screen screen-setup', id: 'screen-setup', 'data-testid': 'screen-setup', 'aria-labelledby': 'setup-title' },
    h('h1', { id: 'setup-title', tabindex: -1 }, 'New game'),
    form);
  root.append(el);

  const banksChanged = changeCheck();
  const optionsChanged = changeCheck();
  return {
    el,
    focus: () => (banks.querySelector('input') ?? el.querySelector('h1')).focus(),
    update(state) {
      const setup = state.setup ?? {};
      joinAddress.update(setup);
      if (banksChanged(setup.banks ?? null)) {
        fill(banks, (setup.banks ?? []).map((b, i) => {
          const id = `bank-${i}`;
          return h('label', { class: 'bank', for: id, 'data-testid': 'bank' },
            h('input', { type: 'radio', name: 'bank', id, value: b.id, checked: i === 0 }),
            h('span', { class: 'bank-text' },
              h('span', { class: 'bank-title wrap', text: b.title }),
              h('span', { class: 'bank-topic wrap', text: b.topic ?? '' }),
              h('span', { class: 'bank-meta', text: `${b.questionCount} questions · about ${b.estimatedMinutes} min` })));
        }));
      }
      const opts = setup.options;
      if (opts && optionsChanged(opts)) {
        const d = opts.defaults ?? {};
        const min = opts.timeLimit?.min ?? 5;
        const max = opts.timeLimit?.max ?? 240;
        const choices = [5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240].filter((s) => s >= min && s <= max);
        fill(timeLimit, h('option', { value: '' }, 'As in the bank'),
          choices.map((s) => h('option', { value: s, selected: d.timeLimit === s }, `${s} seconds`)));
        reading.min = String(opts.readingSeconds?.min ?? 0);
        reading.max = String(opts.readingSeconds?.max ?? 20);
        reading.value = String(d.readingSeconds ?? 4);
        classSize.max = String(opts.classSize?.max ?? 100);
        classSize.value = String(d.classSize ?? Math.min(100, Number(classSize.max)));
        setText(classSizeHint, `Joins past it are refused; at most ${classSize.max}.`);
        scoringAccuracy.checked = d.scoring === 'accuracy';
        scoringClassic.checked = d.scoring !== 'accuracy';
        streak.input.checked = d.streakBonus ?? true;
        shuffleQ.input.checked = d.shuffleQuestions ?? false;
        shuffleO.input.checked = d.shuffleOptions ?? true;
        textOnPhones.input.checked = d.showTextOnPhones ?? true;
        generated.row.hidden = !('generatedNames' in d);
        generated.input.checked = !!d.generatedNames;
        twoStep.row.hidden = !('twoStepJoin' in d);
        twoStep.input.checked = !!d.twoStepJoin;
        imagesOnPhones.row.hidden = !('imagesOnPhones' in d);
        imagesOnPhones.input.checked = !!d.imagesOnPhones;
        passwordRow.hidden = !opts.passwordRequired;
        setText(generatedPassword, opts.teacherPassword ?? '');
        setHidden(passwordHint, !opts.teacherPassword);
        if (opts.passwordRequired && !password.value && setup.password) password.value = setup.password;
      }
      const message = setup.error ?? (state.gone === 'bad_session' ? state.notice : null);
      setText(error, message);
      setHidden(error, !message);
      create.disabled = !!setup.busy;
      setText(create, setup.busy ? 'Creating…' : 'Create game');
    },
  };
}
