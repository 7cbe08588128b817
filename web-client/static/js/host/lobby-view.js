// Lobby: the PIN, the join address and its QR code, the players as they arrive; kick, lock, start.
import { h, fill, setText, setAttr, setHidden } from '../dom.js';

export function mountLobby(root, actions) {
  const pin = h('p', { class: 'pin', 'data-testid': 'pin', 'aria-label': 'Game PIN' });
  const joinUrl = h('p', { class: 'join-url wrap', 'data-testid': 'join-url' });
  const qr = h('img', { class: 'qr', alt: '', width: 300, height: 300 });
  const count = h('span', { 'data-testid': 'player-count' }, '0');
  const countWord = h('span', {}, ' players');
  const list = h('ul', { class: 'players', 'data-testid': 'players', 'aria-label': 'Players' });
  const empty = h('p', { class: 'hint' }, 'Waiting for players…');
  const hint = h('p', { class: 'hint' }, 'Select a name to remove that player.');
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
      qr),
    h('div', { class: 'players-panel' },
      h('h2', { class: 'player-count' }, count, countWord),
      empty, list, hint,
      h('div', { class: 'actions' }, lock, start)),
    status);
  root.append(el);

  let confirming = null; // id of the player whose removal is being confirmed
  let removing = null; // id of the player just removed, until the server confirms
  let listKey = null;

  function renderList(players) {
    const key = JSON.stringify([players, confirming]);
    if (key === listKey) return;
    listKey = key;
    const focusedId = document.activeElement?.closest?.('[data-player]')?.dataset.player;
    fill(list, players.map((p) => {
      const off = p.connected ? null : h('span', { class: 'offline' }, ' (offline)');
      if (confirming === p.id) {
        return h('li', { class: 'player confirm', 'data-player': p.id, 'data-testid': 'player' },
          h('span', { class: 'name wrap', 'data-testid': 'player-name', text: p.name }),
          h('button', { class: 'button danger', type: 'button', 'data-testid': 'kick-confirm',
            onclick: () => { confirming = null; removing = p.id; actions.send({ type: 'kick', playerId: p.id }); } }, 'Remove'),
          h('button', { class: 'button', type: 'button',
            onclick: () => { confirming = null; listKey = null; renderList(players); } }, 'Keep'));
      }
      return h('li', { class: 'player', 'data-player': p.id, 'data-testid': 'player' },
        h('button', { class: 'name-button', type: 'button', 'aria-label': `Remove ${p.name}…`,
          onclick: () => { confirming = p.id; listKey = null; renderList(players); list.querySelector('[data-testid="kick-confirm"]')?.focus(); } },
        h('span', { class: 'name wrap', 'data-testid': 'player-name', text: p.name }), off));
    }));
    if (removing != null && !players.some((p) => p.id === removing)) {
      // The removed name's button is gone: keep the keyboard in the list (or on Start).
      removing = null;
      (list.querySelector('.name-button') ?? start).focus();
    } else if (focusedId) {
      list.querySelector(`[data-player="${CSS.escape(focusedId)}"] button`)?.focus();
    }
  }

  let lastCount = 0;
  return {
    el,
    focus: () => start.focus(),
    update(state) {
      setText(pin, state.pin ?? '');
      setText(joinUrl, state.joinUrl ?? '');
      if (state.qrUrl && qr.getAttribute('src') !== state.qrUrl) {
        qr.src = state.qrUrl;
        qr.alt = `QR code that opens ${state.joinUrl ?? 'the join page'}`;
      }
      if (!state.players.some((p) => p.id === confirming)) confirming = null;
      renderList(state.players);
      const n = state.players.length;
      setText(count, n);
      setText(countWord, n === 1 ? ' player' : ' players');
      setHidden(empty, n > 0);
      setHidden(hint, n === 0);
      setAttr(lock, 'aria-pressed', state.locked ? 'true' : 'false');
      setText(lock, state.locked ? 'Room locked: unlock' : 'Lock room');
      start.disabled = n === 0;
      if (n !== lastCount) setText(status, `${n} ${n === 1 ? 'player' : 'players'} in the room`);
      lastCount = n;
    },
  };
}
