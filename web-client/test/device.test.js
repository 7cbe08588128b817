import test from 'node:test';
import assert from 'node:assert/strict';
import { deviceToken, DEVICE_KEY } from '../static/js/phone/device.js';

function memoryStore(initial = {}) {
  const data = { ...initial };
  return { get: (k) => data[k] ?? null, set: (k, v) => { data[k] = v; }, data };
}

test('a phone makes its device token once and keeps it', () => {
  const store = memoryStore();
  let draws = 0;
  const random = (bytes) => { draws++; bytes.fill(171); };
  const first = deviceToken(store, random);
  assert.equal(first, 'ab'.repeat(16));
  assert.equal(store.data[DEVICE_KEY], first);
  assert.equal(deviceToken(store, random), first, 'the same token after a reload');
  assert.equal(draws, 1);
});

test('a kept value that is not a token is replaced', () => {
  const store = memoryStore({ [DEVICE_KEY]: '<script>' });
  const token = deviceToken(store, (bytes) => bytes.fill(1));
  assert.equal(token, '01'.repeat(16));
});
