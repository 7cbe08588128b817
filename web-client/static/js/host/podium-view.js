// The podium: the top three rise into place (still for those who prefer reduced motion), then everyone's rank.
import { h, fill, setText, setHidden } from '../dom.js';
import { formatNumber, ordinal } from '../present.js';
import { mountGameControls } from './controls.js';

export function mountPodium(root, actions) {
  const steps = h('ol', { class: 'podium', 'data-testid': 'podium', 'aria-label': 'Top three' });
  const ranking = h('ol', { class: 'ranking', 'data-testid': 'ranking', 'aria-label': 'Final ranking' });
  const over = h('p', { class: 'game-over', hidden: true, 'data-testid': 'game-over' }, 'The game is over.');
  const again = h('button', { class: 'button primary', type: 'button', hidden: true, 'data-testid': 'new-game',
    onclick: () => actions.newGame() }, 'New game');
  const controls = mountGameControls(actions);
  const el = h('section', { class: 'screen screen-podium', id: 'screen-podium', 'data-testid': 'screen-podium' },
    h('h1', { tabindex: -1 }, 'Podium'),
    h('div', { class: 'podium-layout' }, steps,
      h('div', { class: 'ranking-box' }, h('h2', {}, 'Final ranking'), ranking)),
    h('div', { class: 'controls' }, over, again),
    controls.el);
  root.append(el);
  let key = null;
  return {
    el,
    focus: () => (again.hidden ? controls.focus() : again.focus()),
    update(state) {
      const p = state.podium;
      if (!p) return;
      const k = JSON.stringify(p);
      if (k !== key) {
        key = k;
        const top = p.ranking.slice(0, 3);
        // Shown second, first, third, like a real podium; read in rank order.
        fill(steps, top.map((s) => h('li', { class: `step step-${s.rank}`, 'data-testid': 'podium-step', 'data-rank': s.rank },
          h('span', { class: 'step-name wrap', 'data-testid': 'podium-name', text: s.name }),
          h('span', { class: 'step-score', 'data-testid': 'podium-score', text: `${formatNumber(s.score)} points` }),
          h('span', { class: 'step-block' }, h('span', { class: 'step-rank', text: ordinal(s.rank) })))));
        fill(ranking, p.ranking.map((s) => h('li', { class: 'rank-row', 'data-testid': 'final-standing', 'data-player': s.playerId },
          h('span', { class: 'rank', text: s.rank }),
          h('span', { class: 'name wrap', 'data-testid': 'final-name', text: s.name }),
          h('span', { class: 'score', 'data-testid': 'final-score', text: formatNumber(s.score) }))));
      }
      const finished = state.phase === 'finished';
      setHidden(over, !finished);
      setHidden(again, !finished);
      setHidden(controls.el, finished);
      controls.update(state);
    },
  };
}
