// "You're in": the player's name, waiting for the teacher to start.
import { h, setText } from '../dom.js';

export function mountLobby(root) {
  const name = h('p', { class: 'big-name wrap', 'data-testid': 'my-name' });
  const bank = h('p', { class: 'hint wrap' });
  const el = h('section', { class: 'screen screen-lobby center', 'data-testid': 'screen-lobby', 'aria-labelledby': 'lobby-title' },
    h('h1', { id: 'lobby-title', tabindex: -1 }, 'You’re in!'),
    name,
    h('p', {}, 'Look for your name on the big screen. The game starts soon.'),
    bank);
  root.append(el);
  return {
    el,
    update(state) {
      setText(name, state.name);
      setText(bank, state.bankTitle ? `Quiz: ${state.bankTitle}` : '');
    },
  };
}
