// The list of past games, newest first: date, quiz, players, status (interrupted games too), each with its report.
import { h, fill, setText, setHidden, changeCheck } from '../shared/dom.js';
import { gameRows } from './present.js';

const STATUS_MARK = { finished: '✓', ended: '■', interrupted: '⚠', running: '▶', lobby: '…', unplayed: '–' };

export function mountList(root, actions) {
  const password = h('input', { id: 'report-password', type: 'password', autocomplete: 'current-password',
    'data-testid': 'report-password' });
  const passwordForm = h('form', { class: 'password-form', hidden: true, novalidate: true },
    h('label', { for: 'report-password' }, 'Teacher password'), password,
    h('button', { class: 'button', type: 'submit', 'data-testid': 'report-password-submit' }, 'Show every game'));
  passwordForm.addEventListener('submit', (e) => {
    e.preventDefault();
    actions.usePassword(password.value);
  });
  const source = h('p', { class: 'hint', 'data-testid': 'list-source' });
  const error = h('p', { class: 'notice', role: 'alert', hidden: true, 'data-testid': 'list-error' });
  const body = h('tbody', { 'data-testid': 'games' });
  const table = h('table', { class: 'games' },
    h('caption', { class: 'visually-hidden' }, 'Past games, newest first'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, 'Quiz'), h('th', { scope: 'col', class: 'num' }, 'Players'),
      h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Report')))),
    body);
  const empty = h('p', { class: 'hint', hidden: true, 'data-testid': 'no-games' });
  const loading = h('p', { class: 'hint', hidden: true }, 'Loading…');
  const el = h('section', { class: 'screen screen-list', 'data-testid': 'screen-list', 'aria-labelledby': 'list-title' },
    h('h1', { id: 'list-title', tabindex: -1 }, 'Past games'),
    source, passwordForm, error, loading, table, empty);
  root.append(el);

  const rowsChanged = changeCheck();
  return {
    el,
    update(state) {
      setHidden(passwordForm, !state.passwordRequired);
      if (state.password && !password.value) password.value = state.password;
      setText(source, state.listSource === 'password' ? 'Every game on this server.'
        : 'Games created on this browser’s projector page.'
          + (state.passwordRequired ? ' Type the teacher password to see every game.' : ''));
      setText(error, state.listError ?? '');
      setHidden(error, !state.listError);
      setHidden(loading, !state.loading);
      const rows = gameRows(state.games ?? [], state.kept);
      if (rowsChanged(rows)) {
        fill(body, rows.map((g) => h('tr', { 'data-testid': 'game-row', 'data-game': g.id, class: `status-${g.status}` },
          h('td', { text: g.date }),
          h('td', { class: 'wrap' }, h('bdi', { 'data-testid': 'game-bank', text: g.bank }),
            g.unsaved ? h('span', { class: 'unsaved' }, ` · ${g.unsaved}`) : null),
          h('td', { class: 'num', text: g.players }),
          h('td', { 'data-testid': 'game-status' },
            h('span', { class: 'status-mark', 'aria-hidden': 'true' }, `${STATUS_MARK[g.status] ?? ''} `), g.statusWord),
          h('td', {}, h('a', { class: 'button small', href: g.link, 'data-testid': 'open-game' }, 'Open report',
            h('span', { class: 'visually-hidden' }, ` of ${g.bank}, ${g.date}`))))));
      }
      setHidden(table, rows.length === 0);
      setText(empty, state.listSource === 'password' ? 'No games have been played on this server yet.'
        : 'No games from this browser yet. Games created on this computer’s projector page appear here.');
      setHidden(empty, rows.length > 0 || state.loading || state.games == null);
    },
  };
}
