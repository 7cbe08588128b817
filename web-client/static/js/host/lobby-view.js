// Lobby: the PIN, the join address and its QR code, the players as they arrive against the class size; one-click
// kick, the removal of everyone who joined in the last 30 s or 2 min (a bot flood), the removed players to let back
// in; lock, start. In a team game the players stand in team columns; a name, then a team, moves that player (by
// mouse or keyboard).
import { h, fill, setText, setAttr, setHidden, teamSwatch, changeCheck } from '../shared/dom.js';
import { playerCount } from '../shared/teams.js';
import { teamColumns, lobbyTeamHint } from './teams.js';
import { showPattern } from './join-pattern.js';
import { joinUrlParts, sinceWords } from './state.js';

/** The look-backs offered for removing recent joiners, in seconds. */
const RECENT = [30, 120];
const KICK_HINT = 'Select ✕ to remove a player: their phone stays out until you let it back in.';

export function mountLobby(root, actions) {
  const pin = h('p', { class: 'pin', 'data-testid': 'pin' });
  // Left to right whatever the page's direction; it may break before the PIN, never inside it.
  const joinUrl = h('p', { class: 'join-url', dir: 'ltr', 'data-testid': 'join-url' });
  const qr = h('img', { class: 'qr', alt: '', width: 300, height: 300 });
  const pattern = h('p', { class: 'join-pattern big', role: 'img', hidden: true, 'data-testid': 'join-pattern' });
  const patternLabel = h('p', { class: 'pin-label', hidden: true }, 'Then tap these shapes');
  const count = h('span', { 'data-testid': 'player-count' }, '0');
  const classSize = h('span', { 'data-testid': 'class-size' });
  const countWord = h('span', {}, ' players');
  const list = h('ul', { class: 'players', 'data-testid': 'players', 'aria-label': 'Players' });
  const columns = h('div', { class: 'team-columns', hidden: true, 'data-testid': 'team-columns' });
  const empty = h('p', { class: 'hint' }, 'Waiting for players…');
  const hint = h('p', { class: 'hint', 'data-testid': 'lobby-hint' }, KICK_HINT);
  const recent = RECENT.map((seconds) => h('button', { class: 'button small', type: 'button',
    'data-testid': `kick-recent-${seconds}`, 'aria-label': `Remove everyone who joined in the last ${spoken(seconds)}`,
    onclick: () => { actions.unpick(); actions.send({ type: 'kickRecent', seconds }); } }, sinceWords(seconds)));
  const recentGroup = h('div', { class: 'kick-recent', role: 'group', 'aria-labelledby': 'kick-recent-label' },
    h('span', { id: 'kick-recent-label' }, 'Remove everyone who joined in the last'), recent);
  const removal = h('p', { class: 'hint', role: 'status', 'data-testid': 'removal' });
  const kickedList = h('ul', { class: 'kicked-players', 'aria-labelledby': 'kicked-title', 'data-testid': 'kicked' });
  const kickedBox = h('section', { class: 'kicked-box', hidden: true, 'aria-labelledby': 'kicked-title' },
    h('h3', { id: 'kicked-title' }, 'Removed: their phones cannot join again'), kickedList);
  const shuffle = h('button', { class: 'button', type: 'button', hidden: true, 'data-testid': 'shuffle',
    onclick: () => { actions.unpick(); actions.send({ type: 'rebalance' }); } }, 'Shuffle teams');
  const lock = h('button', { class: 'button', type: 'button', 'aria-pressed': 'false', 'data-testid': 'lock',
    onclick: () => actions.send({ type: lock.getAttribute('aria-pressed') === 'true' ? 'unlock' : 'lock' }) }, 'Lock room');
  const start = h('button', { class: 'button primary big', type: 'button', 'data-testid': 'start',
    onclick: () => actions.send({ type: 'start' }) }, 'Start');
  const status = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });

  const el = h('section', { class: 'screen screen-lobby', id: 'screen-lobby', 'data-testid': 'screen-lobby', 'aria-labelledby': 'lobby-title' },
    h('div', { class: 'join-panel' },
      h('h1', { id: 'lobby-title', class: 'join-how', tabindex: -1 }, 'Join on your phone'),
      joinUrl,
      h('p', { class: 'pin-label' }, 'Game PIN'),
      pin,
      patternLabel,
      pattern,
      qr),
    h('div', { class: 'players-panel' },
      h('div', { class: 'players-head' }, h('h2', { class: 'player-count' }, count, classSize, countWord), shuffle),
      empty, list, columns, hint, recentGroup, removal, kickedBox,
      h('div', { class: 'actions' }, lock, start)),
    status);
  root.append(el);

  // Where the keyboard goes once the server has answered (the picked player itself is state.picked).
  let removing = null; // id of the player just removed, until the server confirms
  let placed = null; // { id, team } of the player just moved: the keyboard follows them to their new column
  const listChanged = changeCheck();

  function kick(id) {
    actions.unpick();
    removing = id;
    actions.send({ type: 'kick', playerId: id });
  }

  /** The one-click remove button of a player: no confirmation, but it says whom it removes. */
  function kickButton(p) {
    return h('button', { class: 'button small danger kick', type: 'button', 'data-testid': 'kick',
      'aria-label': `Remove ${p.name}`, title: `Remove ${p.name}`, onclick: () => kick(p.id) }, '✕');
  }

  function playerItems(players) {
    return players.map((p) => {
      const off = p.connected ? null : h('span', { class: 'offline' }, ' (offline)');
      return h('li', { class: 'player', 'data-player': p.id, 'data-testid': 'player' },
        h('span', { class: 'name-tag' }, h('span', { class: 'name wrap', 'data-testid': 'player-name', text: p.name }), off),
        kickButton(p));
    });
  }

  function member(p, team, mover) {
    const off = p.connected ? null : h('span', { class: 'offline' }, ' (offline)');
    const picked = mover?.id === p.id;
    const name = h('button', { class: 'name-button', type: 'button', title: p.name, 'aria-pressed': picked ? 'true' : 'false',
      'aria-label': picked ? `${p.name}, picked` : `Move ${p.name} (${team.name})…`,
      onclick: () => {
        if (picked) actions.unpick();
        else actions.pick(p.id);
        (columns.querySelector('[data-testid="move-here"]') ?? columns.querySelector(`[data-player="${p.id}"] button`))?.focus();
      } },
    h('span', { class: 'name wrap', 'data-testid': 'player-name', text: p.name }), off);
    return h('li', { class: `player${picked ? ' picked' : ''}`, 'data-player': p.id, 'data-testid': 'player' }, name,
      picked ? h('span', { class: 'picked-actions' },
        h('button', { class: 'button small', type: 'button', 'data-testid': 'cancel-move',
          onclick: () => { actions.unpick(); columns.querySelector(`[data-player="${p.id}"] button`)?.focus(); } }, 'Cancel'))
        : kickButton(p));
  }

  function teamColumn(col, mover) {
    const headId = `team-head-${col.id}`;
    const moveHere = mover && mover.team !== col.id
      ? h('button', { class: 'button small move-here', type: 'button', 'data-testid': 'move-here', 'data-team': col.id,
        'aria-label': `Move ${mover.name} to the ${col.name}`,
        onclick: () => {
          placed = { id: mover.id, team: col.id };
          actions.unpick();
          actions.send({ type: 'moveTeam', playerId: mover.id, team: col.id });
        } }, 'Move here')
      : null;
    return h('section', { class: `team-col team-${col.colour}`, 'data-testid': 'team-column', 'data-team': col.id,
      'aria-labelledby': headId },
    h('h3', { class: 'team-head', id: headId },
      teamSwatch(col.colour),
      h('span', { class: 'team-name', title: col.name, 'data-testid': 'team-name', text: col.name }),
      h('span', { class: 'team-size', 'data-testid': 'team-size' }, `${col.size}${col.full ? ' · full' : ''}`,
        h('span', { class: 'visually-hidden' }, ` ${col.size === 1 ? 'player' : 'players'}`))),
    h('ul', { class: 'team-members', 'aria-label': `${col.name} members` },
      col.members.length ? col.members.map((p) => member(p, col, mover)) : h('li', { class: 'hint nobody' }, 'Nobody yet')),
    moveHere);
  }

  function render(state) {
    const teamGame = state.teams.length > 0;
    const cols = teamGame ? teamColumns(state.teams, state.players, state.settings?.teams?.cap ?? null) : null;
    const mover = teamGame ? state.players.find((p) => p.id === state.picked) ?? null : null;
    if (state.notice) placed = null; // the move was refused
    if (!listChanged([state.players, cols, state.picked])) return;
    const focused = document.activeElement;
    const focusedPlayer = focused?.closest?.('[data-player]')?.dataset.player;
    const focusedMove = focused?.dataset?.testid === 'move-here' ? focused.dataset.team : null;
    if (teamGame) {
      fill(columns, cols.map((c) => teamColumn(c, mover)));
      columns.dataset.count = String(cols.length);
      fill(list);
    } else {
      fill(list, playerItems(state.players));
      fill(columns);
    }
    const box = teamGame ? columns : list;
    if (removing != null && !state.players.some((p) => p.id === removing)) {
      // The removed player's row is gone: keep the keyboard on the row that took its place (or on Start).
      const rows = [...box.querySelectorAll('[data-player]')];
      const next = rows.find((r) => Number(r.dataset.player) > removing) ?? rows[rows.length - 1];
      removing = null;
      (next?.querySelector('.kick') ?? start).focus();
    } else if (placed != null) {
      box.querySelector(`[data-player="${placed.id}"] .name-button`)?.focus();
      if (state.players.find((p) => p.id === placed.id)?.team === placed.team) placed = null;
    } else if (focusedMove) {
      box.querySelector(`[data-testid="move-here"][data-team="${focusedMove}"]`)?.focus();
    } else if (focusedPlayer) {
      box.querySelector(`[data-player="${CSS.escape(focusedPlayer)}"] button`)?.focus();
    }
  }

  const kickedChanged = changeCheck();
  let letting = null; // id of the player just let back in, until the server confirms
  function renderKicked(kicked) {
    if (!kickedChanged(kicked)) return;
    fill(kickedList, kicked.map((p) => h('li', { class: 'kicked-player', 'data-kicked': p.id },
      h('span', { class: 'name wrap', 'data-testid': 'kicked-name', text: p.name }),
      h('button', { class: 'button small', type: 'button', 'data-testid': 'unban', 'aria-label': `Let ${p.name} back in`,
        onclick: () => { letting = p.id; actions.send({ type: 'unban', playerId: p.id }); } }, 'Let back in'))));
    setHidden(kickedBox, kicked.length === 0);
    if (letting != null && !kicked.some((p) => p.id === letting)) {
      letting = null;
      (kickedList.querySelector('[data-testid="unban"]') ?? start).focus();
    }
  }

  let shownPick = null; // the picked player as last shown, for the Escape key
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && shownPick != null) {
      const id = shownPick;
      actions.unpick();
      el.querySelector(`[data-player="${id}"] button`)?.focus();
    }
  });

  let lastCount = 0;
  return {
    el,
    focus: () => start.focus(),
    update(state) {
      shownPick = state.picked;
      const teamGame = state.teams.length > 0;
      setText(pin, state.pin ?? '');
      showPattern(pattern, state.pattern);
      setHidden(patternLabel, !state.pattern);
      if (joinUrl.dataset.url !== (state.joinUrl ?? '')) {
        joinUrl.dataset.url = state.joinUrl ?? '';
        const part = joinUrlParts(state.joinUrl);
        fill(joinUrl, h('span', { class: 'join-base' }, part.base), h('wbr'),
          part.pin ? h('span', { class: 'join-pin', 'data-testid': 'join-url-pin' }, part.pin) : null);
      }
      if (state.qrUrl && qr.getAttribute('src') !== state.qrUrl) {
        qr.src = state.qrUrl;
        qr.alt = `QR code that opens ${state.joinUrl ?? 'the join page'}`;
      }
      render(state);
      renderKicked(state.kicked ?? []);
      setText(removal, state.removal ?? '');
      setHidden(removal, !state.removal);
      const n = state.players.length;
      const size = state.settings?.classSize ?? null;
      setText(count, n);
      setText(classSize, size == null ? '' : ` of ${size}`);
      setText(countWord, (size ?? n) === 1 ? ' player' : ' players');
      for (const button of recent) button.disabled = n === 0;
      setHidden(empty, n > 0);
      setHidden(list, teamGame);
      setHidden(columns, !teamGame);
      setHidden(shuffle, !teamGame);
      shuffle.disabled = n < 2;
      const mover = state.players.find((p) => p.id === state.picked);
      setText(hint, teamGame ? lobbyTeamHint(state.settings?.teams, mover) : KICK_HINT);
      setHidden(hint, n === 0 && !teamGame);
      setAttr(lock, 'aria-pressed', state.locked ? 'true' : 'false');
      setText(lock, state.locked ? 'Room locked: unlock' : 'Lock room');
      start.disabled = n === 0;
      if (n !== lastCount) setText(status, `${playerCount(n)} in the room${size == null ? '' : ` of ${size}`}`);
      lastCount = n;
    },
  };
}

function spoken(seconds) {
  return seconds % 60 === 0 ? `${seconds / 60} ${seconds === 60 ? 'minute' : 'minutes'}` : `${seconds} seconds`;
}
