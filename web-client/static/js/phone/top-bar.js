// The phone's top bar on every screen, after the brand: the player's name and score, and their team (its colour and
// its name, and a stripe in that colour under the bar).
import { h, fill, setText, setHidden, teamBadge, changeCheck } from '../shared/dom.js';
import { teamColour } from '../shared/teams.js';

export function mountTopBar(root) {
  // The name isolated (<bdi>) from the score, so that a right-to-left name leaves " · 1,200 pts" after it.
  const name = h('bdi', { id: 'me-name', class: 'me-name' });
  const score = h('span', { id: 'me-score', class: 'me-score' });
  const team = h('span', { id: 'my-team', class: 'my-team', hidden: true, 'data-testid': 'my-team' });
  root.append(h('span', { id: 'me', class: 'me', 'data-testid': 'me' }, name, score), team);
  const teamChanged = changeCheck();
  return {
    update(state) {
      setText(name, state.seatToken ? state.name : '');
      setText(score, state.seatToken && state.score != null ? ` · ${state.score.toLocaleString('en-US')} pts` : '');
      const mine = state.seatToken ? state.team : null;
      if (!teamChanged(mine)) return;
      fill(team, mine ? teamBadge({ ...mine, colour: teamColour(mine.colour) }) : []);
      setHidden(team, !mine);
      if (mine) document.body.dataset.team = teamColour(mine.colour);
      else delete document.body.dataset.team;
    },
  };
}
