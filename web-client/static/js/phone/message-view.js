// Screens that only say something: getting back in, removed, game over, open elsewhere.
import { h, setText, setHidden } from '../shared/dom.js';

const TEXT = {
  rejoining: ['Getting you back in…', 'Your seat and score are kept.'],
  kicked: ['You were removed from the game', 'The teacher removed you. This phone can join again only if the teacher lets it back in.'],
  ended: ['The game is over', 'Thanks for playing!'],
  replaced: ['Open in another tab', 'This game continues in another tab or window on this phone.'],
};

export function mountMessage(root, actions) {
  const title = h('h1', { tabindex: -1, 'data-testid': 'message-title' });
  const detail = h('p', {});
  const again = h('button', { class: 'button primary wide', type: 'button', onclick: () => actions.restart() }, 'Join a game');
  const el = h('section', { class: 'screen screen-message center', 'data-testid': 'screen-message' }, title, detail, again);
  root.append(el);
  return {
    el,
    update(state) {
      const [t, d] = TEXT[state.screen] ?? ['', ''];
      setText(title, t);
      // While getting back in, why it takes a while (a rejoin refused for a moment is tried again by itself).
      setText(detail, state.screen === 'rejoining' && state.notice ? `${d} ${state.notice}` : d);
      el.dataset.kind = state.screen;
      setHidden(again, state.screen === 'rejoining' || state.screen === 'replaced');
    },
  };
}
