// Join: the PIN (filled in from a /join/<PIN> link) and a nickname; the server's refusals shown in words.
import { h, setText, setHidden } from '../shared/dom.js';

export function mountJoin(root, actions) {
  const pin = h('input', { id: 'join-pin', name: 'pin', type: 'text', inputmode: 'numeric', autocomplete: 'off',
    pattern: '[0-9]*', maxlength: 6, 'aria-describedby': 'join-error', 'data-testid': 'join-pin' });
  // maxlength counts UTF-16 units, as the server's raw limit of 100 does; the 20 visible characters are the
  // server's to count, since an emoji sequence is one character but up to a dozen units.
  const name = h('input', { id: 'join-name', name: 'nickname', type: 'text', autocomplete: 'nickname',
    autocapitalize: 'words', spellcheck: 'false', maxlength: 100, 'aria-describedby': 'join-error',
    'data-testid': 'join-name' });
  const error = h('p', { id: 'join-error', class: 'notice', role: 'alert', hidden: true, 'data-testid': 'join-error' });
  const submit = h('button', { class: 'button primary wide', type: 'submit', 'data-testid': 'join-submit' }, 'Join');
  const form = h('form', { class: 'join-form', novalidate: true },
    h('label', { for: 'join-pin' }, 'Game PIN'), pin,
    h('label', { for: 'join-name' }, 'Nickname'), name,
    error, submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = pin.value.replace(/\D/g, '');
    const n = name.value.trim();
    if (p.length !== 6) {
      actions.joinError('The PIN has 6 digits: it is on the big screen.');
      pin.focus();
    } else {
      // An empty nickname goes to the server too: a game with generated names needs none, and otherwise the
      // server's own words say what is wrong.
      actions.join(p, n);
    }
  });
  const el = h('section', { class: 'screen screen-join', 'data-testid': 'screen-join', 'aria-labelledby': 'join-title' },
    h('h1', { id: 'join-title', tabindex: -1 }, 'Join a game'), form);
  root.append(el);

  let filled = false;
  return {
    el,
    focus: () => (pin.value ? name : pin).focus(),
    update(state) {
      if (!filled) {
        // Filled once; after that the fields are the player's.
        filled = true;
        if (state.pin) pin.value = state.pin;
        if (state.name) name.value = state.name;
      }
      setText(error, state.error ?? '');
      setHidden(error, !state.error);
      submit.disabled = !!state.joining;
      setText(submit, state.joining ? 'Joining…' : 'Join');
    },
  };
}
