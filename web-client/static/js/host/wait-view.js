// Shown while connecting, and when this window no longer runs the game.
import { h, setText, setHidden } from '../shared/dom.js';
import { hostScreen } from './state.js';

export function mountWait(root, actions) {
  const title = h('h1', { tabindex: -1, 'data-testid': 'wait-title' });
  const detail = h('p', { class: 'hint' });
  const retake = h('button', { class: 'button primary', type: 'button', hidden: true, onclick: () => actions.retake() },
    'Show the game here');
  const again = h('button', { class: 'button', type: 'button', hidden: true, 'data-testid': 'new-game',
    onclick: () => actions.newGame() }, 'New game');
  const el = h('section', { class: 'screen screen-wait', id: 'screen-wait', 'data-testid': 'screen-wait' },
    title, detail, h('div', { class: 'actions' }, retake, again));
  root.append(el);
  return {
    el,
    focus: () => (retake.hidden ? again.hidden ? title : again : retake).focus(),
    update(state) {
      const replaced = state.gone === 'replaced';
      const over = hostScreen(state) === 'finished' || state.gone === 'closed';
      setText(title, replaced ? 'This game is open in another window'
        : over ? 'The game is over' : state.pin ? `Connecting to game ${state.pin}…` : 'Connecting…');
      setText(detail, replaced ? 'Only one window can run the game at a time.' : '');
      setHidden(retake, !replaced);
      setHidden(again, !(replaced || over));
    },
  };
}
