// The one owner of the WebSocket. It reconnects with back-off when the socket closes, at once when the tab becomes
// visible again or the network comes back (phones sleep), and replaces a socket that has gone silent.

/** Close codes after which reconnecting is pointless: seat or host taken over (4000), kicked (4001), room gone (4002). */
export const FINAL_CLOSE_CODES = [4000, 4001, 4002];
export const PING_EVERY_MS = 20000;
export const PONG_WITHIN_MS = 5000;

/** Delay before reconnect attempt `attempt` (0-based): 0.5 s doubling to 10 s, with jitter so a room does not stampede. */
export function backoffDelay(attempt, random = Math.random) {
  const base = Math.min(10000, 500 * 2 ** Math.min(attempt, 10));
  return Math.round(base * (0.75 + 0.5 * random()));
}

/**
 * The WebSocket URL: `/ws`, with `?pin=123456` when the room is known before connecting, so that a load balancer in
 * front of a cluster can send every socket of a room to the node that runs it (the server reads the PIN only from
 * the messages).
 */
export function socketUrl(location, pin = null) {
  const query = typeof pin === 'string' && /^\d{6}$/.test(pin) ? `?pin=${pin}` : '';
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws${query}`;
}

/**
 * Opens and keeps a connection.
 * - url: the WebSocket URL, or a function giving it, asked again before every (re)connection;
 * - onOpen(): each time a socket opens (send the hello: host or rejoin);
 * - onMessage(msg): each parsed server message except pong;
 * - onStatus(status): 'connecting' (first time), 'open', 'reconnecting', 'closed';
 * - onFinalClose(code): the server closed with one of FINAL_CLOSE_CODES; no reconnect follows.
 * `env` is for tests: WebSocket, setTimeout, clearTimeout, setInterval, clearInterval, document, window.
 */
export function createConnection({ url, onOpen, onMessage, onStatus, onFinalClose, env = {} }) {
  const WS = env.WebSocket ?? globalThis.WebSocket;
  const setT = env.setTimeout ?? globalThis.setTimeout.bind(globalThis);
  const clearT = env.clearTimeout ?? globalThis.clearTimeout.bind(globalThis);
  const setI = env.setInterval ?? globalThis.setInterval.bind(globalThis);
  const clearI = env.clearInterval ?? globalThis.clearInterval.bind(globalThis);
  const doc = 'document' in env ? env.document : globalThis.document;
  const win = 'window' in env ? env.window : globalThis.window;

  let ws = null;
  let attempt = 0;
  let retry = null;
  let stopped = false;
  let everOpen = false;
  let heard = 0; // frames received, so a probe can tell whether anything came back after it
  let status = null;

  const setStatus = (s) => {
    if (s !== status) {
      status = s;
      onStatus?.(s);
    }
  };

  function open() {
    clearT(retry);
    retry = null;
    if (stopped || (ws && (ws.readyState === 0 || ws.readyState === 1))) return;
    setStatus(everOpen ? 'reconnecting' : 'connecting');
    let sock;
    try {
      sock = new WS(typeof url === 'function' ? url() : url);
    } catch {
      scheduleRetry();
      return;
    }
    ws = sock;
    sock.onopen = () => {
      if (ws !== sock) return;
      attempt = 0;
      everOpen = true;
      setStatus('open');
      onOpen?.();
    };
    sock.onmessage = (event) => {
      if (ws !== sock) return;
      heard++;
      let msg;
      try {
        msg = JSON.parse(event.data);
      } catch {
        return;
      }
      if (msg && msg.type !== 'pong') onMessage?.(msg);
    };
    sock.onerror = () => {}; // a close event always follows
    sock.onclose = (event) => {
      if (ws !== sock) return; // a socket we already gave up on
      ws = null;
      if (FINAL_CLOSE_CODES.includes(event.code)) {
        stopped = true;
        setStatus('closed');
        onFinalClose?.(event.code);
        return;
      }
      setStatus(everOpen ? 'reconnecting' : 'connecting');
      scheduleRetry();
    };
  }

  function scheduleRetry() {
    if (stopped || retry) return;
    retry = setT(open, backoffDelay(attempt++));
  }

  /** Drops a socket that stopped answering and opens a new one straight away. */
  function replace() {
    const old = ws;
    ws = null;
    try {
      old?.close();
    } catch {
      // already closing
    }
    attempt = 0;
    open();
  }

  /** Pings, and replaces the socket if nothing at all comes back in time. */
  function probe() {
    if (!ws || ws.readyState !== 1) return;
    const sock = ws;
    const before = heard;
    sock.send('{"type":"ping"}');
    setT(() => {
      if (ws === sock && sock.readyState === 1 && heard === before) replace();
    }, PONG_WITHIN_MS);
  }

  /** The tab is visible again or the network is back: reconnect now rather than after the back-off. */
  function wake() {
    if (stopped) return;
    if (!ws || ws.readyState >= 2) {
      attempt = 0;
      open();
    } else if (ws.readyState === 1) {
      probe();
    }
  }

  const onVisibility = () => {
    if (doc.visibilityState === 'visible') wake();
  };
  doc?.addEventListener('visibilitychange', onVisibility);
  win?.addEventListener('online', wake);
  win?.addEventListener('pageshow', wake);
  const heartbeat = setI(probe, PING_EVERY_MS);

  open();

  return {
    /** Sends now if the socket is open; returns false otherwise (the caller decides what to keep). */
    send(msg) {
      if (ws && ws.readyState === 1) {
        ws.send(JSON.stringify(msg));
        return true;
      }
      return false;
    },
    isOpen: () => !!ws && ws.readyState === 1,
    wake,
    close() {
      stopped = true;
      clearT(retry);
      clearI(heartbeat);
      doc?.removeEventListener('visibilitychange', onVisibility);
      win?.removeEventListener('online', wake);
      win?.removeEventListener('pageshow', wake);
      const old = ws;
      ws = null;
      old?.close();
      setStatus('closed');
    },
  };
}
