// The setup screen's choice of where phones join: every address the server has, each with its network interface's
// name, for a laptop whose first address is one the phones cannot reach (Docker, a virtual machine, a VPN). Shown
// only when there is a choice; the pick is remembered by this browser.
import { h, fill, setHidden, changeCheck } from '../shared/dom.js';
import { joinAddressLabel } from './state.js';

export function mountJoinAddress(actions) {
  const select = h('select', { id: 'opt-join-host', 'data-testid': 'join-host', 'aria-describedby': 'join-host-hint',
    onchange: () => actions.pickJoinHost(select.value) });
  const el = h('div', { class: 'join-host-row', hidden: true },
    h('label', { for: 'opt-join-host' }, 'Phones join at'), select,
    h('p', { class: 'hint', id: 'join-host-hint' }, 'Pick the network the class’s phones are on (usually the Wi-Fi).'));

  const addressesChanged = changeCheck();
  return {
    el,
    update(setup) {
      const list = setup.joinAddresses ?? [];
      if (!addressesChanged([list, setup.joinHost])) return;
      fill(select, list.map((a) => h('option', { value: a.host, selected: a.host === setup.joinHost }, joinAddressLabel(a))));
      setHidden(el, list.length < 2);
    },
  };
}
