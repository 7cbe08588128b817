import test from 'node:test';
import assert from 'node:assert/strict';
import { createConnection, backoffDelay, socketUrl, FINAL_CLOSE_CODES } from '../static/js/shared/connection.js';

/** A fake world: sockets we open and close by hand, timers we run by hand, a document that can hide. */
function world() {
  const sockets = [];
  const timers = [];
  let clock = 0;
  const listeners = {};
  class FakeSocket {
    constructor(url) {
      this.url = url;
      this.readyState = 0;
      this.sent = [];
      sockets.push(this);
    }
    send(text) { this.sent.push(JSON.parse(text)); }
    close() { this.readyState = 3; }
    open() { this.readyState = 1; this.onopen?.(); }
    receive(msg) { this.onmessage?.({ data: JSON.stringify(msg) }); }
    drop(code = 1006) { this.readyState = 3; this.onclose?.({ code }); }
  }
  const target = () => ({
    addEventListener: (type, fn) => { (listeners[type] ??= []).push(fn); },
    removeEventListener: () => {},
  });
  const doc = { ...target(), visibilityState: 'visible' };
  const env = {
    WebSocket: FakeSocket,
    setTimeout: (fn, ms) => { const t = { fn, at: clock + ms, done: false }; timers.push(t); return t; },
    clearTimeout: (t) => { if (t) t.done = true; },
    setInterval: () => 0,
    clearInterval: () => {},
    now: () => clock,
    document: doc,
    window: target(),
  };
  return {
    env, sockets, doc,
    fire: (type) => (listeners[type] ?? []).forEach((fn) => fn()),
    advance(ms) {
      clock += ms;
      for (const t of timers.filter((x) => !x.done && x.at <= clock)) {
        t.done = true;
        t.fn();
      }
    },
  };
}

test('back-off doubles from half a second up to ten seconds, with jitter', () => {
  const mid = () => 0.5;
  assert.deepEqual([0, 1, 2, 3, 4, 5, 10, 50].map((a) => backoffDelay(a, mid)), [500, 1000, 2000, 4000, 8000, 10000, 10000, 10000]);
  assert.equal(backoffDelay(0, () => 0), 375);
  assert.equal(backoffDelay(0, () => 1), 625);
});

test('the hello is sent on every open and messages reach the page', () => {
  const w = world();
  const got = [];
  const statuses = [];
  let conn;
  conn = createConnection({ url: 'ws://x/ws', env: w.env, onOpen: () => conn.send({ type: 'rejoin' }),
    onMessage: (m) => got.push(m.type), onStatus: (s) => statuses.push(s) });
  w.sockets[0].open();
  w.sockets[0].receive({ type: 'joined' });
  w.sockets[0].receive({ type: 'pong' });
  assert.deepEqual(w.sockets[0].sent, [{ type: 'rejoin' }]);
  assert.deepEqual(got, ['joined']);
  w.sockets[0].drop();
  assert.deepEqual(statuses, ['connecting', 'open', 'reconnecting']);
  w.advance(10000);
  w.sockets[1].open();
  assert.deepEqual(w.sockets[1].sent, [{ type: 'rejoin' }]);
});

test('a closed socket is retried with growing delays until one opens', () => {
  const w = world();
  createConnection({ url: 'ws://x/ws', env: w.env });
  w.sockets[0].drop();
  w.advance(300);
  assert.equal(w.sockets.length, 1, 'not before the first delay');
  w.advance(400);
  assert.equal(w.sockets.length, 2);
  w.sockets[1].drop();
  w.advance(700);
  assert.equal(w.sockets.length, 2, 'the second delay is longer');
  w.advance(1000);
  assert.equal(w.sockets.length, 3);
});

test('a tab becoming visible reconnects at once instead of waiting for the back-off', () => {
  const w = world();
  createConnection({ url: 'ws://x/ws', env: w.env });
  w.sockets[0].open();
  w.sockets[0].drop();
  w.sockets.length = 1;
  w.fire('visibilitychange');
  assert.equal(w.sockets.length, 2);
});

test('a silent socket is replaced when the tab wakes and no pong comes back', () => {
  const w = world();
  createConnection({ url: 'ws://x/ws', env: w.env });
  w.sockets[0].open();
  w.fire('visibilitychange');
  assert.deepEqual(w.sockets[0].sent, [{ type: 'ping' }]);
  w.advance(6000);
  assert.equal(w.sockets.length, 2);
  assert.equal(w.sockets[0].readyState, 3);
});

test('after a final close code there is no reconnect', () => {
  for (const code of FINAL_CLOSE_CODES) {
    const w = world();
    let final = null;
    createConnection({ url: 'ws://x/ws', env: w.env, onFinalClose: (c) => { final = c; } });
    w.sockets[0].open();
    w.sockets[0].drop(code);
    w.advance(60000);
    w.fire('visibilitychange');
    assert.equal(w.sockets.length, 1);
    assert.equal(final, code);
  }
});

test('send says whether the message went out', () => {
  const w = world();
  const conn = createConnection({ url: 'ws://x/ws', env: w.env });
  assert.equal(conn.send({ type: 'join' }), false);
  w.sockets[0].open();
  assert.equal(conn.send({ type: 'join' }), true);
});

test('the socket URL carries the PIN when the room is known, and only a well-formed one', () => {
  const http = { protocol: 'http:', host: '10.0.0.5:8080' };
  assert.equal(socketUrl(http), 'ws://10.0.0.5:8080/ws');
  assert.equal(socketUrl(http, '123456'), 'ws://10.0.0.5:8080/ws?pin=123456');
  assert.equal(socketUrl({ protocol: 'https:', host: 'quiz.school' }, '012345'), 'wss://quiz.school/ws?pin=012345');
  for (const bad of [null, undefined, '', '12345', '1234567', '12a456', '123456&x=1', 123456]) {
    assert.equal(socketUrl(http, bad), 'ws://10.0.0.5:8080/ws', String(bad));
  }
});

test('a URL given as a function is asked again at every reconnection', () => {
  const w = world();
  let pin = null;
  createConnection({ url: () => `ws://x/ws${pin ? `?pin=${pin}` : ''}`, env: w.env });
  assert.equal(w.sockets[0].url, 'ws://x/ws');
  pin = '654321';
  w.sockets[0].drop();
  w.advance(10000);
  assert.equal(w.sockets[1].url, 'ws://x/ws?pin=654321');
});
