// The leaderboard after a question: the top five, points gained this round, who climbed.
import { h, fill, setText } from '../dom.js';
import { climb, formatNumber } from '../present.js';
import { mountGameControls } from './controls.js';

function climbBadge(standing) {
  const c = climb(standing);
  if (c.dir === 'up') return h('span', { class: 'climb up', 'data-testid': 'climb' }, `▲ ${c.by}`, h('span', { class: 'visually-hidden' }, ` place${c.by > 1 ? 's' : ''} up`));
  if (c.dir === 'down') return h('span', { class: 'climb down', 'data-testid': 'climb' }, `▼ ${c.by}`, h('span', { class: 'visually-hidden' }, ` place${c.by > 1 ? 's' : ''} down`));
  return h('span', { class: 'climb' });
}

export function mountLeaderboard(root, actions) {
  const heading = h('h1', { tabindex: -1 }, 'Leaderboard');
  const after = h('p', { class: 'q-hint', 'data-testid': 'leaderboard-after' });
  const list = h('ol', { class: 'standings', 'data-testid': 'leaderboard' });
  const controls = mountGameControls(actions);
  const el = h('section', { class: 'screen screen-leaderboard', id: 'screen-leaderboard', 'data-testid': 'screen-leaderboard' },
    h('div', { class: 'q-top' }, heading, after),
    list, controls.el);
  root.append(el);
  let key = null;
  return {
    el,
    focus: () => controls.focus(),
    update(state) {
      const lb = state.leaderboard;
      if (!lb) return;
      setText(after, `After question ${lb.index + 1} of ${lb.count} · ${lb.playerCount} players`);
      const k = JSON.stringify(lb);
      if (k !== key) {
        key = k;
        fill(list, lb.top.map((s) => h('li', { class: 'standing', 'data-testid': 'standing', 'data-player': s.playerId },
          h('span', { class: 'rank', 'data-testid': 'rank', text: s.rank }),
          h('span', { class: 'name wrap', 'data-testid': 'standing-name', text: s.name }),
          climbBadge(s),
          h('span', { class: 'gained', 'data-testid': 'gained', text: s.gained > 0 ? `+${formatNumber(s.gained)}` : '+0' }),
          h('span', { class: 'score', 'data-testid': 'score', text: formatNumber(s.score) }))));
      }
      controls.update(state);
    },
  };
}
