// Choosing a team (games where players pick): one big button per team, its colour and name, how many are in it,
// and "Full" (disabled) once it reached the cap. A refusal (the team filled up meanwhile) is shown in words.
import { h, fill, setText, setHidden, teamSwatch, changeCheck } from '../shared/dom.js';
import { teamColour, playerCount } from '../shared/teams.js';

/**
 * The buttons of a team list; `onPick(team)` is called with the team tapped. Shared with the lobby's switching,
 * where the sizes are those of the moment of joining (`live` false): there they are not shown, and the server
 * says if a team is full.
 */
export function teamButtons(teams, { current = null, onPick, disabled = false, live = true, testId = 'team-choice' }) {
  return teams.map((t) => {
    const colour = teamColour(t.colour);
    const mine = current != null && t.id === current;
    return h('button', { class: `team-button team-${colour}${mine ? ' is-mine' : ''}`, type: 'button',
      'data-testid': testId, 'data-team': t.id, disabled: disabled || mine || (live && t.full),
      'aria-current': mine ? 'true' : null, onclick: () => onPick(t) },
    teamSwatch(colour, 'swatch big'),
    h('span', { class: 'team-button-text' },
      h('span', { class: 'team-button-name wrap', text: t.name }),
      h('span', { class: 'team-button-size' }, mine ? 'Your team' : !live ? 'Switch to this team'
        : t.full ? `Full · ${playerCount(t.size)}` : playerCount(t.size))));
  });
}

export function mountTeamChoice(root, actions) {
  const list = h('div', { class: 'team-list', 'data-testid': 'team-list' });
  const error = h('p', { class: 'notice', role: 'alert', hidden: true, 'data-testid': 'team-error' });
  const who = h('p', { class: 'hint wrap' });
  const back = h('button', { class: 'button wide', type: 'button', onclick: () => actions.changeName() }, 'Change nickname');
  const el = h('section', { class: 'screen screen-team', 'data-testid': 'screen-team', 'aria-labelledby': 'team-title' },
    h('h1', { id: 'team-title', tabindex: -1 }, 'Choose your team'), who, error, list, back);
  root.append(el);
  const teamsChanged = changeCheck();
  return {
    el,
    focus: () => (list.querySelector('button:not([disabled])') ?? el.querySelector('h1')).focus(),
    update(state) {
      const teams = state.teams ?? [];
      if (teamsChanged([teams, state.joining])) {
        fill(list, teamButtons(teams, { disabled: state.joining, onPick: (t) => actions.pickTeam(t.id) }));
      }
      if (who.dataset.name !== state.name) {
        // The name isolated, so that a right-to-left one leaves the full stop after it.
        who.dataset.name = state.name;
        fill(who, state.name ? ['Playing as ', h('bdi', { text: state.name }), '.'] : []);
      }
      setText(error, state.error ?? '');
      setHidden(error, !state.error);
    },
  };
}
