// The start screen's team choices: individual or teams; how many (or their names); players pick or balanced;
// an optional cap; optional team talk. read() gives the form's values for teamsRequest() in teams.js.
import { h } from '../shared/dom.js';
import { MIN_TEAMS, MAX_TEAMS, MAX_TALK_SECONDS } from './teams.js';

export function mountTeamOptions() {
  const radio = (name, value, id, checked) => h('input', { type: 'radio', name, value, id, checked });
  const individual = radio('play', 'individual', 'opt-individual', true);
  const teams = radio('play', 'teams', 'opt-teams', false);
  const count = h('select', { id: 'opt-team-count', 'data-testid': 'team-count' },
    Array.from({ length: MAX_TEAMS - MIN_TEAMS + 1 }, (_, i) => MIN_TEAMS + i)
      .map((n) => h('option', { value: n, selected: n === 4 }, String(n))));
  const names = h('input', { id: 'opt-team-names', type: 'text', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'Colours if empty', 'data-testid': 'team-names', 'aria-describedby': 'team-names-hint' });
  const pickMode = h('select', { id: 'opt-team-pick', 'data-testid': 'team-pick' },
    h('option', { value: 'auto', selected: true }, 'Balanced automatically'),
    h('option', { value: 'pick' }, 'Players choose'));
  const cap = h('input', { id: 'opt-team-cap', type: 'number', inputmode: 'numeric', min: 1, max: 10000,
    placeholder: 'No limit', 'data-testid': 'team-cap' });
  const talk = h('input', { id: 'opt-team-talk', type: 'number', inputmode: 'numeric', min: 0, max: MAX_TALK_SECONDS,
    value: 0, 'data-testid': 'team-talk' });

  const capRow = h('div', { class: 'team-row' }, h('label', { for: 'opt-team-cap' }, 'Most per team'), cap);
  const details = h('div', { class: 'team-details', hidden: true, 'data-testid': 'team-details' },
    h('div', { class: 'team-row' }, h('label', { for: 'opt-team-count' }, 'Number of teams'), count),
    h('div', { class: 'team-row' }, h('label', { for: 'opt-team-names' }, 'or names'), names),
    h('p', { id: 'team-names-hint', class: 'visually-hidden' }, 'Team names separated by commas; leave empty for Red team, Blue team and so on.'),
    h('div', { class: 'team-row' }, h('label', { for: 'opt-team-pick' }, 'Teams made'), pickMode),
    capRow,
    h('div', { class: 'team-row' }, h('label', { for: 'opt-team-talk' }, 'Team talk (s)'), talk));

  const el = h('fieldset', { class: 'team-options', 'data-testid': 'team-options' },
    h('legend', {}, 'Play'),
    h('div', { class: 'play-modes' },
      h('label', { class: 'check', for: 'opt-individual' }, individual, ' Individual'),
      h('label', { class: 'check', for: 'opt-teams' }, teams, ' Teams')),
    details);

  const sync = () => {
    details.hidden = !teams.checked;
    capRow.hidden = pickMode.value !== 'pick';
    count.disabled = names.value.trim() !== '';
  };
  for (const input of [individual, teams, pickMode]) input.addEventListener('change', sync);
  names.addEventListener('input', sync);
  sync();

  return {
    el,
    read: () => ({
      mode: teams.checked ? 'teams' : 'individual',
      count: count.value,
      names: names.value,
      pick: pickMode.value === 'pick',
      cap: cap.value,
      talk: talk.value,
    }),
  };
}
