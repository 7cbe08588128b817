// The podium: its three steps stand empty, then third place shows, then second, then (after a drumroll) the
// winner, with confetti; only then the final ranking beside it, as the phones say each player's rank. Shown whole at
// once after a reload or once the game is finished. In a team game the teams take the podium, each with its top
// contributor, and the players' ranking follows. A link opens the game's report.
import { h, fill, setText, setHidden, setAttr, teamSwatch, changeCheck } from '../shared/dom.js';
import { formatNumber, ordinal } from '../shared/present.js';
import { teamColour } from '../shared/teams.js';
import { reportLink } from '../shared/games.js';
import { mountGameControls } from './controls.js';
import { podiumStage, podiumCaption, podiumElapsed, PODIUM_REVEAL_MS } from './suspense.js';
import { launchConfetti } from './confetti.js';
import { reducedMotion } from './fit.js';

/** A place on the podium: `place` 1 to 3 sets where it stands and when it shows. */
function step(place, who, block) {
  return h('li', { class: `step step-${place}`, 'data-testid': 'podium-step', 'data-rank': place, 'data-revealed': 'false' },
    h('span', { class: 'step-who' }, who),
    h('span', { class: `step-block${block}` }, h('span', { class: 'step-rank', text: ordinal(place) })));
}

function playerStep(s, place) {
  return step(place, [
    h('bdi', { class: 'step-name wrap', 'data-testid': 'podium-name', text: s.name }),
    h('span', { class: 'step-score', 'data-testid': 'podium-score', text: `${formatNumber(s.score)} points` }),
  ], '');
}

function teamStep(t, place) {
  const colour = teamColour(t.colour);
  const el = step(place, [
    h('span', { class: 'step-name wrap' }, teamSwatch(colour), ' ', h('bdi', { 'data-testid': 'podium-name', text: t.name })),
    h('span', { class: 'step-score', 'data-testid': 'podium-score', text: `${formatNumber(t.score)} points` }),
    t.topContributor ? h('span', { class: 'step-top wrap', 'data-testid': 'podium-top' },
      'Top: ', h('bdi', { text: t.topContributor.name }), `, ${formatNumber(t.topContributor.score)}`) : null,
  ], ' team-block');
  el.classList.add(`team-${colour}`);
  return el;
}

function teamFinalRow(t) {
  const colour = teamColour(t.colour);
  return h('li', { class: `rank-row team-final team-${colour}`, 'data-testid': 'team-final', 'data-team': t.teamId },
    h('span', { class: 'rank', text: t.rank || '–' }),
    h('span', { class: 'team-label' }, teamSwatch(colour),
      h('bdi', { class: 'name wrap', 'data-testid': 'team-final-name', text: t.name })),
    h('span', { class: 'score', 'data-testid': 'team-final-score', text: formatNumber(t.score) }),
    h('span', { class: 'contributor wrap', 'data-testid': 'top-contributor' },
      t.topContributor ? ['Top contributor: ', h('bdi', { text: t.topContributor.name }), ` (${formatNumber(t.topContributor.score)})`]
        : t.size > 0 ? 'No points scored' : 'No members left'));
}

export function mountPodium(root, actions) {
  const caption = h('p', { class: 'podium-caption', 'data-testid': 'podium-caption', 'aria-live': 'polite' });
  // Each place as it shows, for screen readers: the steps' names stay hidden until then.
  const said = h('p', { class: 'visually-hidden', 'aria-live': 'polite', 'data-testid': 'podium-said' });
  const steps = h('ol', { class: 'podium', 'data-testid': 'podium', 'aria-label': 'Top three' });
  const teamRanking = h('ol', { class: 'ranking team-ranking', 'data-testid': 'team-ranking', 'aria-label': 'Teams' });
  const teamTitle = h('h2', { hidden: true }, 'Teams');
  const ranking = h('ol', { class: 'ranking', 'data-testid': 'ranking', 'aria-label': 'Final ranking' });
  const rankingTitle = h('h2', {}, 'Final ranking');
  // Its room is kept while it waits, so that the podium does not move when it shows.
  const rankingBox = h('div', { class: 'ranking-box', 'data-testid': 'ranking-box', 'data-shown': 'false' },
    teamTitle, teamRanking, rankingTitle, ranking);
  const over = h('p', { class: 'game-over', hidden: true, 'data-testid': 'game-over' }, 'The game is over.');
  const again = h('button', { class: 'button primary', type: 'button', hidden: true, 'data-testid': 'new-game',
    onclick: () => actions.newGame() }, 'New game');
  const report = h('a', { class: 'button', hidden: true, target: '_blank', rel: 'opener', 'data-testid': 'open-report' },
    'Open the report');
  const controls = mountGameControls(actions);
  const el = h('section', { class: 'screen screen-podium', id: 'screen-podium', 'data-testid': 'screen-podium' },
    h('div', { class: 'q-top' }, h('h1', { tabindex: -1 }, 'Podium'), caption, said),
    h('div', { class: 'podium-layout' }, steps, rankingBox),
    h('div', { class: 'controls podium-bottom' }, report, over, again, controls.el));
  root.append(el);
  const podiumChanged = changeCheck();
  let present = [];
  let winner = null;
  let places = [];
  let stopConfetti = () => {};
  return {
    el,
    focus: () => (again.hidden ? controls.focus() : again.focus()),
    update(state, now) {
      const p = state.podium;
      if (!p) return;
      const teamGame = Array.isArray(p.teams) && p.teams.length > 0;
      if (podiumChanged(p)) {
        stopConfetti();
        setText(caption, '');
        caption.dataset.winner = '';
        // Shown second, first, third, like a real podium; read in rank order.
        const top = teamGame ? p.teams.filter((t) => t.rank >= 1).slice(0, 3) : p.ranking.slice(0, 3);
        fill(steps, top.map((x, i) => (teamGame ? teamStep(x, i + 1) : playerStep(x, i + 1))));
        present = top.map((x, i) => i + 1);
        winner = top[0]?.name ?? null;
        places = top.map((x, i) => `${ordinal(i + 1)} place: ${x.name}, ${formatNumber(x.score)} points`);
        setText(said, '');
        fill(teamRanking, teamGame ? p.teams.map(teamFinalRow) : []);
        fill(ranking, p.ranking.map((s) => h('li', { class: 'rank-row', 'data-testid': 'final-standing', 'data-player': s.playerId },
          h('span', { class: 'rank', text: s.rank }),
          h('bdi', { class: 'name wrap', 'data-testid': 'final-name', text: s.name }),
          h('span', { class: 'score', 'data-testid': 'final-score', text: formatNumber(s.score) }))));
      }
      const stage = podiumStage(state, now);
      for (const li of steps.children) {
        const shown = stage.ranks.includes(Number(li.dataset.rank));
        const live = podiumElapsed(state, now) < PODIUM_REVEAL_MS + 1000;
        if (shown && li.dataset.revealed !== 'true' && live) {
          setText(said, places[Number(li.dataset.rank) - 1]);
          if (li.dataset.rank === '1' && !reducedMotion()) stopConfetti = launchConfetti(el);
        }
        setAttr(li, 'data-revealed', String(shown));
      }
      steps.classList.toggle('drumroll', stage.drumroll);
      const waiting = podiumCaption(stage, present);
      if (waiting) {
        setText(caption, waiting);
      } else if (winner && caption.dataset.winner !== winner) {
        fill(caption, 'Congratulations, ', h('bdi', { text: winner }), '!');
      }
      caption.dataset.winner = waiting ? '' : winner ?? '';
      setAttr(rankingBox, 'data-shown', String(stage.ranking));
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
