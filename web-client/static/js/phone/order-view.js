// An order question's items as a list the player rearranges: drag a row (touch, pen or mouse, through pointer
// events), or press its ▲ / ▼ button to move it one place. The view only reports moves (`onMove(item, to)`); the
// arrangement comes back from the state, and the live region says where the item went.
import { h, optionBadge, optionName, setText, setAttr } from '../shared/dom.js';
import { mark } from '../shared/present.js';

/** Pixels a pointer travels before a press becomes a drag (a shaky tap stays a tap). */
const DRAG_START_PX = 6;

export function mountOrderList(q, onMove) {
  const list = h('ol', { class: 'order-list', role: 'list', 'data-testid': 'order-list', 'aria-label': 'Your order, first at the top' });
  const rows = new Map();
  let arrangement = [];
  let locked = true;
  let drag = null;

  for (let i = 0; i < q.optionCount; i++) {
    const letter = mark(i).letter;
    const text = q.options?.[i] ?? null;
    const place = h('span', { class: 'order-place', 'aria-hidden': 'true' });
    const spoken = h('span', { class: 'visually-hidden' });
    const up = h('button', { class: 'move move-up', type: 'button', 'data-testid': 'move-up',
      'aria-label': `Move ${letter} up`, onclick: () => step(i, -1) }, h('span', { 'aria-hidden': 'true' }, '▲'));
    const down = h('button', { class: 'move move-down', type: 'button', 'data-testid': 'move-down',
      'aria-label': `Move ${letter} down`, onclick: () => step(i, 1) }, h('span', { 'aria-hidden': 'true' }, '▼'));
    const row = h('li', { class: `order-row opt-edge-${i}`, 'data-option': i, 'data-testid': 'order-item' },
      h('span', { class: 'grip', 'aria-hidden': 'true' }, place),
      optionBadge(i), spoken,
      text ? h('span', { class: 'order-text wrap', text }) : null,
      h('span', { class: 'moves' }, up, down));
    row.addEventListener('pointerdown', (e) => press(e, i));
    rows.set(i, { row, place, spoken, up, down, label: `${optionName(i)}${text ? ',' : ''}` });
  }
  list.addEventListener('pointermove', moveDrag);
  list.addEventListener('pointerup', endDrag);
  list.addEventListener('pointercancel', cancelDrag);
  list.addEventListener('lostpointercapture', cancelDrag);

  function step(item, by) {
    if (locked) return;
    const from = arrangement.indexOf(item);
    const to = from + by;
    if (from < 0 || to < 0 || to >= arrangement.length) return;
    onMove(item, to);
  }

  function press(e, item) {
    if (locked || drag || (e.pointerType === 'mouse' && e.button !== 0) || e.target.closest('button')) return;
    const order = arrangement.map((i) => rows.get(i).row);
    drag = { item, pointerId: e.pointerId, startY: e.clientY, started: false, from: arrangement.indexOf(item),
      to: arrangement.indexOf(item), rects: order.map((r) => r.getBoundingClientRect()), order };
    rows.get(item).row.setPointerCapture?.(e.pointerId);
  }

  function moveDrag(e) {
    if (!drag || e.pointerId !== drag.pointerId) return;
    const dy = e.clientY - drag.startY;
    if (!drag.started) {
      if (Math.abs(dy) < DRAG_START_PX) return;
      drag.started = true;
      list.classList.add('is-dragging');
      rows.get(drag.item).row.classList.add('dragging');
    }
    e.preventDefault();
    const { rects, from, order } = drag;
    const own = rects[from];
    const centre = own.top + own.height / 2 + dy;
    // The new place: how many of the other rows have their middle above the dragged row's middle.
    let to = 0;
    rects.forEach((r, k) => {
      if (k !== from && r.top + r.height / 2 < centre) to++;
    });
    drag.to = to;
    const gap = rects.length > 1 ? Math.abs(rects[1].top - rects[0].bottom) : 0;
    const shift = own.height + gap;
    order.forEach((r, k) => {
      if (k === from) r.style.transform = `translateY(${dy}px)`;
      else if (k < from && k >= to) r.style.transform = `translateY(${shift}px)`;
      else if (k > from && k <= to) r.style.transform = `translateY(${-shift}px)`;
      else r.style.transform = '';
    });
  }

  function endDrag(e) {
    if (!drag || e.pointerId !== drag.pointerId) return;
    const { item, from, to, started } = drag;
    cancelDrag();
    if (started && to !== from) onMove(item, to);
  }

  function cancelDrag() {
    if (!drag) return;
    for (const r of drag.order) r.style.transform = '';
    rows.get(drag.item).row.classList.remove('dragging');
    list.classList.remove('is-dragging');
    drag = null;
  }

  return {
    el: list,
    update(next, isLocked) {
      locked = isLocked;
      list.classList.toggle('is-locked', locked);
      if (next.join() !== arrangement.join()) {
        arrangement = [...next];
        // Moving a focused button in the document drops its focus: give it back, so ▲ can be pressed again.
        const focused = list.contains(document.activeElement) ? document.activeElement : null;
        arrangement.forEach((i) => list.append(rows.get(i).row));
        if (focused && document.activeElement !== focused) focused.focus();
      }
      arrangement.forEach((i, place) => {
        const r = rows.get(i);
        setText(r.place, String(place + 1));
        setText(r.spoken, `${place + 1}. ${r.label}`);
        // aria-disabled, not disabled: a button at the end keeps the focus it has.
        setAttr(r.up, 'aria-disabled', locked || place === 0 ? 'true' : null);
        setAttr(r.down, 'aria-disabled', locked || place === arrangement.length - 1 ? 'true' : null);
      });
    },
  };
}
