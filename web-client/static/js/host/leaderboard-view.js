// The leaderboard after a question: the top five, points gained this round, who climbed. The rows start where the
// previous ranking had them and glide into their new places (not for those who prefer reduced motion). In a team
// game the teams come first (every team, by the average of its members' points) and the top players stand beside
// them.
import { h, fill, setText, setHidden, teamSwatch, screenView, changeCheck } from '../shared/dom.js';
import { formatNumber } from '../shared/present.js';
import { teamColour } from '../shared/teams.js';
import { climb, rankMoves } from './charts.js';
import { mountGameControls } from './controls.js';
import { reducedMotion } from './fit.js';

/** How long the old order holds before the rows move, so that the class sees where each one came from (ms). */
const HOLD_MS = 600;

function climbBadge(standing) {
  const c = climb(standing);
  if (c.dir === 'up') return h('span', { class: 'climb up', 'data-testid': 'climb' }, `▲ ${c.by}`, h('span', { class: 'visually-hidden' }, ` place${c.by > 1 ? 's' : ''} up`));
  if (c.dir === 'down') return h('span', { class: 'climb down', 'data-testid': 'climb' }, `▼ ${c.by}`, h('span', { class: 'visually-hidden' }, ` place${c.by > 1 ? 's' : ''} down`));
  return h('span', { class: 'climb' });
}

const gainedText = (n) => (n > 0 ? `+${formatNumber(n)}` : '+0');

function teamRow(t) {
  const colour = teamColour(t.colour);
  return h('li', { class: `standing team-standing team-${colour}`, 'data-testid': 'team-standing', 'data-team': t.teamId },
    h('span', { class: 'rank', 'data-testid': 'rank', text: t.rank || '–' }),
    h('span', { class: 'team-label' }, teamSwatch(colour),
      h('bdi', { class: 'name wrap', 'data-testid': 'team-standing-name', text: t.name })),
    climbBadge(t),
    h('span', { class: 'gained', 'data-testid': 'gained', text: gainedText(t.gained) }),
    h('span', { class: 'score', 'data-testid': 'score', text: formatNumber(t.score) }));
}

function playerRow(s) {
  return h('li', { class: 'standing', 'data-testid': 'standing', 'data-player': s.playerId },
    h('span', { class: 'rank', 'data-testid': 'rank', text: s.rank }),
    h('bdi', { class: 'name wrap', 'data-testid': 'standing-name', text: s.name }),
    climbBadge(s),
    h('span', { class: 'gained', 'data-testid': 'gained', text: gainedText(s.gained) }),
    h('span', { class: 'score', 'data-testid': 'score', text: formatNumber(s.score) }));
}

/**
 * FLIP: each row is drawn in its new place, moved back by transform to where it stood before, then let go so that
 * it glides. Returns a function that cancels the move still pending.
 */
function glide(list, standings) {
  const moves = rankMoves(standings);
  if (reducedMotion() || !moves.some((m) => m.from !== m.to)) return () => {};
  const rows = [...list.children];
  const tops = rows.map((r) => r.offsetTop);
  rows.forEach((row, i) => {
    const dy = tops[moves[i].from] - tops[i];
    if (dy === 0) return;
    row.classList.add(dy > 0 ? 'climbing' : 'falling');
    row.style.transition = 'none';
    row.style.transform = `translateY(${dy}px)`;
  });
  list.getBoundingClientRect(); // the start positions take effect before the transition is set
  const timer = setTimeout(() => rows.forEach((row) => {
    row.style.transition = '';
    row.style.transform = '';
  }), HOLD_MS);
  return () => {
    clearTimeout(timer);
    rows.forEach((row) => { row.style.transition = ''; row.style.transform = ''; });
  };
}

export function mountLeaderboard(root, actions) {
  const heading = h('h1', { tabindex: -1 }, 'Leaderboard');
  const after = h('p', { class: 'q-hint', 'data-testid': 'leaderboard-after' });
  const teams = h('ol', { class: 'standings team-standings', 'data-testid': 'team-leaderboard', 'aria-label': 'Teams' });
  const teamsBox = h('div', { class: 'board-teams', hidden: true }, h('h2', { class: 'board-title' }, 'Teams'), teams,
    h('p', { class: 'hint' }, 'A team scores the average of its members’ points.'));
  const list = h('ol', { class: 'standings', 'data-testid': 'leaderboard', 'aria-label': 'Players' });
  const playersTitle = h('h2', { class: 'board-title', hidden: true }, 'Top players');
  const controls = mountGameControls(actions);
  const board = h('div', { class: 'board' }, teamsBox, h('div', { class: 'board-players' }, playersTitle, list));
  const el = h('section', { class: 'screen screen-leaderboard', id: 'screen-leaderboard', 'data-testid': 'screen-leaderboard' },
    h('div', { class: 'q-top' }, heading, after),
    board, controls.el);
  root.append(el);
  const boardChanged = changeCheck();
  let cancel = () => {};
  return screenView(el, 'leaderboard', () => controls.focus(), (lb, state) => {
    const teamGame = Array.isArray(lb.teams) && lb.teams.length > 0;
    setText(after, `After question ${lb.index + 1} of ${lb.count} · ${lb.playerCount} players`);
    setHidden(teamsBox, !teamGame);
    setHidden(playersTitle, !teamGame);
    board.classList.toggle('with-teams', teamGame);
    if (boardChanged(lb)) {
      cancel();
      fill(teams, teamGame ? lb.teams.map(teamRow) : []);
      teams.dataset.count = String(lb.teams?.length ?? 0);
      fill(list, lb.top.map(playerRow));
      if (!el.hidden) {
        const undo = [glide(list, lb.top), teamGame ? glide(teams, lb.teams) : () => {}];
        cancel = () => undo.forEach((f) => f());
      }
    }
    controls.update(state);
  });
}
