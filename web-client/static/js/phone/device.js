// The phone's device token: random, made once and kept in the browser, sent with every join, so that a phone the
// teacher removed stays out of that game until the teacher lets it back in. (A script can send another token; the
// class size, the lock and the removal of recent joiners stand against scripts.)
export const DEVICE_KEY = 'quizroom.device';
const FORM = /^[0-9a-f]{32}$/;

/** The token kept in `store`, or a new one made with `random` (fills a Uint8Array) and kept. */
export function deviceToken(store, random) {
  const kept = store.get(DEVICE_KEY);
  if (kept && FORM.test(kept)) return kept;
  const bytes = new Uint8Array(16);
  random(bytes);
  const token = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  store.set(DEVICE_KEY, token);
  return token;
}
