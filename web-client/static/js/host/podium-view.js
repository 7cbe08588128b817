// The podium: the top three rise into place (still for those who prefer reduced motion), then everyone's rank. In a
// team game the teams take the podium, each with its top contributor, and the players' ranking follows. A link
// opens the game's report.
import { h, fill, setText, setHidden, setAttr, teamSwatch } from '../shared/dom.js';
import { formatNumber, ordinal } from '../shared/present.js';
import { teamColour } from '../shared/teams.js';
import { reportLink } from '../shared/games.js';
import { mountGameControls } from './controls.js';

function playerStep(s) {
  return h('li', { class: `step step-${s.rank}`, 'data-testid': 'podium-step', 'data-rank': s.rank },
    h('span', { class: 'step-name wrap', 'data-testid': 'podium-name', text: s.name }),
    h('span', { class: 'step-score', 'data-testid': 'podium-score', text: `${formatNumber(s.score)} points` }),
    h('span', { class: 'step-block' }, h('span', { class: 'step-rank', text: ordinal(s.rank) })));
}

function teamStep(t) {
  const colour = teamColour(t.colour);
  return h('li', { class: `step step-${t.rank} team-${colour}`, 'data-testid': 'podium-step', 'data-rank': t.rank },
    h('span', { class: 'step-name wrap' }, teamSwatch(colour), ' ', h('span', { 'data-testid': 'podium-name', text: t.name })),
    h('span', { class: 'step-score', 'data-testid': 'podium-score', text: `${formatNumber(t.score)} points` }),
    t.topContributor ? h('span', { class: 'step-top wrap', 'data-testid': 'podium-top' },
      `Top: ${t.topContributor.name}, ${formatNumber(t.topContributor.score)}`) : null,
    h('span', { class: 'step-block team-block' }, h('span', { class: 'step-rank', text: ordinal(t.rank) })));
}

function teamFinalRow(t) {
  const colour = teamColour(t.colour);
  return h('li', { class: `rank-row team-final team-${colour}`, 'data-testid': 'team-final', 'data-team': t.teamId },
    h('span', { class: 'rank', text: t.rank || '–' }),
    h('span', { class: 'team-label' }, teamSwatch(colour),
      h('span', { class: 'name wrap', 'data-testid': 'team-final-name', text: t.name })),
    h('span', { class: 'score', 'data-testid': 'team-final-score', text: formatNumber(t.score) }),
    h('span', { class: 'contributor wrap', 'data-testid': 'top-contributor' },
      t.topContributor ? `Top contributor: ${t.topContributor.name} (${formatNumber(t.topContributor.score)})`
        : t.size > 0 ? 'No points scored' : 'No members left'));
}

export function mountPodium(root, actions) {
  const steps = h('ol', { class: 'podium', 'data-testid': 'podium', 'aria-label': 'Top three' });
  const teamRanking = h('ol', { class: 'ranking team-ranking', 'data-testid': 'team-ranking', 'aria-label': 'Teams' });
  const teamTitle = h('h2', { hidden: true }, 'Teams');
  const ranking = h('ol', { class: 'ranking', 'data-testid': 'ranking', 'aria-label': 'Final ranking' });
  const rankingTitle = h('h2', {}, 'Final ranking');
  const over = h('p', { class: 'game-over', hidden: true, 'data-testid': 'game-over' }, 'The game is over.');
  const again = h('button', { class: 'button primary', type: 'button', hidden: true, 'data-testid': 'new-game',
    onclick: () => actions.newGame() }, 'New game');
  const report = h('a', { class: 'button', hidden: true, target: '_blank', rel: 'opener', 'data-testid': 'open-report' },
    'Open the report');
  const controls = mountGameControls(actions);
  const el = h('section', { class: 'screen screen-podium', id: 'screen-podium', 'data-testid': 'screen-podium' },
    h('h1', { tabindex: -1 }, 'Podium'),
    h('div', { class: 'podium-layout' }, steps,
      h('div', { class: 'ranking-box' }, teamTitle, teamRanking, rankingTitle, ranking)),
    h('div', { class: 'controls podium-bottom' }, report, over, again, controls.el));
  root.append(el);
  let key = null;
  return {
    el,
    focus: () => (again.hidden ? controls.focus() : again.focus()),
    update(state) {
      const p = state.podium;
      if (!p) return;
      const teamGame = Array.isArray(p.teams) && p.teams.length > 0;
      const k = JSON.stringify(p);
      if (k !== key) {
        key = k;
        // Shown second, first, third, like a real podium; read in rank order.
        fill(steps, teamGame ? p.teams.filter((t) => t.rank >= 1 && t.rank <= 3).map(teamStep)
          : p.ranking.slice(0, 3).map(playerStep));
        fill(teamRanking, teamGame ? p.teams.map(teamFinalRow) : []);
        fill(ranking, p.ranking.map((s) => h('li', { class: 'rank-row', 'data-testid': 'final-standing', 'data-player': s.playerId },
          h('span', { class: 'rank', text: s.rank }),
          h('span', { class: 'name wrap', 'data-testid': 'final-name', text: s.name }),
          h('span', { class: 'score', 'data-testid': 'final-score', text: formatNumber(s.score) }))));
      }
      setHidden(teamTitle, !teamGame);
      setHidden(teamRanking, !teamGame);
      setText(rankingTitle, teamGame ? 'Players' : 'Final ranking');
      el.classList.toggle('with-teams', teamGame);
      setHidden(report, !state.gameId);
      if (state.gameId) setAttr(report, 'href', reportLink(state.gameId));
      const finished = state.phase === 'finished';
      setHidden(over, !finished);
      setHidden(again, !finished);
      setHidden(controls.el, finished);
      controls.update(state);
    },
  };
}
