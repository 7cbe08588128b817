// The phone's answer: a typed number read the way people type it, the `answer` message from the player's picks, and
// the nonce that makes resending it safe. No DOM.

/** Reads a typed number: accepts thousands commas (340,000), a decimal comma (2,5), spaces, a minus; else null. */
export function parseNumber(text) {
  if (typeof text !== 'string') return null;
  let t = text.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/^\u2212/, '-');
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, ''); // 340,000: thousands
  else if (/^-?\d+,\d+$/.test(t)) t = t.replace(',', '.'); // 2,5: a decimal comma
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** The `answer` message for a question, from the player's picks; null while the answer is not complete. */
export function answerMessage(q, pick, nonce) {
  const base = { type: 'answer', question: q.index, nonce };
  switch (q.type) {
    case 'single': case 'truefalse': case 'poll':
      return Number.isInteger(pick) ? { ...base, option: pick } : null;
    case 'multi':
      return Array.isArray(pick) && pick.length > 0 ? { ...base, options: [...pick].sort((a, b) => a - b) } : null;
    case 'order':
      return Array.isArray(pick) && pick.length === q.optionCount ? { ...base, order: [...pick] } : null;
    case 'numeric': {
      const v = typeof pick === 'number' ? pick : parseNumber(pick);
      return v == null ? null : { ...base, value: v };
    }
    default:
      return null;
  }
}

/** A random nonce for idempotent answer resends (crypto.randomUUID needs a secure context; LAN pages are not). */
export function nonceFrom(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
