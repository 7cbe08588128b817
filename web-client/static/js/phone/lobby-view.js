// "You're in": the player's name (and team), waiting for the teacher to start. Where players pick their team, they
// may switch until the game starts.
import { h, fill, setText, setHidden, teamBadge, changeCheck } from '../shared/dom.js';
import { teamButtons } from './team-view.js';

export function mountLobby(root, actions) {
  const name = h('p', { class: 'big-name wrap', 'data-testid': 'my-name' });
  const team = h('div', { class: 'lobby-team', hidden: true, 'data-testid': 'lobby-team' });
  const note = h('p', { class: 'hint', hidden: true, 'data-testid': 'team-note' });
  const bank = h('p', { class: 'hint wrap' });
  const notice = h('p', { class: 'notice', role: 'alert', hidden: true, 'data-testid': 'lobby-notice' });
  const switchList = h('div', { class: 'team-list small' });
  const switcher = h('div', { class: 'switch-team', hidden: true, 'data-testid': 'switch-team-box' },
    h('h2', {}, 'Switch team'), switchList);
  const el = h('section', { class: 'screen screen-lobby center', 'data-testid': 'screen-lobby', 'aria-labelledby': 'lobby-title' },
    h('h1', { id: 'lobby-title', tabindex: -1 }, 'You’re in!'),
    name, team, note,
    h('p', {}, 'Look for your name on the big screen. The game starts soon.'),
    bank, notice, switcher);
  root.append(el);
  const teamChanged = changeCheck();
  const switchChanged = changeCheck();
  return {
    el,
    update(state) {
      setText(name, state.name);
      setText(bank, state.bankTitle ? `Quiz: ${state.bankTitle}` : '');
      if (teamChanged(state.team)) {
        fill(team, state.team ? [h('span', { class: 'hint' }, 'Your team'), teamBadge(state.team, { 'data-testid': 'lobby-team-name' })] : []);
      }
      setHidden(team, !state.team);
      setText(note, state.teamNote ?? '');
      setHidden(note, !state.teamNote);
      setText(notice, state.notice ?? '');
      setHidden(notice, !state.notice);
      const canSwitch = !!state.teams && !!state.team && state.teams.length > 1;
      if (canSwitch && switchChanged([state.teams, state.team?.id])) {
        fill(switchList, teamButtons(state.teams, { current: state.team.id, testId: 'switch-team', live: false,
          onPick: (t) => actions.switchTeam(t.id) }));
      }
      setHidden(switcher, !canSwitch);
    },
  };
}
