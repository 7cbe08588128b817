// The end: the player's final rank and score, whether or not they made the podium, and the top three.
import { h, fill, setText, setHidden, changeCheck } from '../shared/dom.js';
import { ordinal, points, formatNumber } from '../shared/present.js';
import { teamStandingBox } from './result-view.js';

export function mountFinal(root, actions) {
  const rank = h('p', { class: 'final-rank', 'data-testid': 'final-rank' });
  const of = h('p', { class: 'hint' });
  const score = h('p', { class: 'final-score', 'data-testid': 'final-score' });
  const team = h('div', { class: 'team-result', hidden: true, 'data-testid': 'final-team' });
  const top = h('ol', { class: 'top3', 'data-testid': 'top3', 'aria-label': 'Top three' });
  const over = h('p', { class: 'hint', hidden: true }, 'The game has ended. Thanks for playing!');
  const again = h('button', { class: 'button wide', type: 'button', hidden: true, onclick: () => actions.restart() }, 'Join another game');
  const el = h('section', { class: 'screen screen-final center', 'data-testid': 'screen-final' },
    h('h1', { tabindex: -1 }, 'Game over'),
    h('p', {}, 'You finished'), rank, of, score, team,
    h('h2', {}, 'Top three'), top, over, again);
  root.append(el);
  const topChanged = changeCheck();
  const teamChanged = changeCheck();
  return {
    el,
    focus: () => el.querySelector('h1').focus(),
    update(state) {
      const f = state.final;
      if (!f) return;
      setText(rank, f.you ? ordinal(f.you.rank) : '');
      setText(of, `of ${f.playerCount} ${f.playerCount === 1 ? 'player' : 'players'}`);
      setText(score, f.you ? `with ${points(f.you.score)}` : '');
      if (topChanged(f.top)) {
        fill(top, f.top.map((s) => h('li', { class: s.playerId === state.playerId ? 'is-me' : null },
          h('span', { class: 'rank' }, `${ordinal(s.rank)} `),
          h('bdi', { class: 'name wrap', text: s.name }),
          h('span', { class: 'score', text: ` ${formatNumber(s.score)}` }))));
      }
      if (teamChanged([f.team, f.teamCount])) {
        teamStandingBox(team, f.team, f.teamCount, false);
      }
      setHidden(team, !f.team);
      setHidden(over, !state.finished);
      setHidden(again, !state.finished);
    },
  };
}
