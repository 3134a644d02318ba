// Unit tests of webapp/js/net.js: run with `node --test src/test/js/`.
import test from 'node:test';
import assert from 'node:assert/strict';
import { BACKOFF, Connection, Status, backoffDelay, gameUrl } from '../../../webapp/js/net.js';

const at = (href) => new URL(href);

test('gameUrl: page at the root', () => {
  assert.equal(gameUrl(at('http://localhost:8080/')), 'ws://localhost:8080/game');
  assert.equal(gameUrl(at('http://localhost:8080/index.html')), 'ws://localhost:8080/game');
});

test('gameUrl: page under a context path', () => {
  assert.equal(gameUrl(at('http://example.org/arena/')), 'ws://example.org/arena/game');
  assert.equal(gameUrl(at('http://example.org/arena/index.html')), 'ws://example.org/arena/game');
  assert.equal(gameUrl(at('http://example.org/a/b/')), 'ws://example.org/a/b/game');
});

test('gameUrl: https gives wss, the port is kept, query and fragment are dropped', () => {
  assert.equal(gameUrl(at('https://example.org/arena/?room=x#top')), 'wss://example.org/arena/game');
  assert.equal(gameUrl(at('https://127.0.0.1:8443/?name=Ada')), 'wss://127.0.0.1:8443/game');
  assert.equal(gameUrl(at('http://[::1]:8090/')), 'ws://[::1]:8090/game');
});

test('gameUrl: takes a plain location-like object', () => {
  assert.equal(gameUrl({ protocol: 'http:', host: 'h:1', pathname: '' }), 'ws://h:1/game');
  assert.equal(gameUrl({ protocol: 'https:', host: 'h', pathname: '/arena/play.html' }), 'wss://h/arena/game');
});

test('backoffDelay grows exponentially within [ceiling/2, ceiling] and is capped', () => {
  const lo = (attempt) => backoffDelay(attempt, { random: () => 0 });
  const hi = (attempt) => backoffDelay(attempt, { random: () => 0.999999 });
  assert.equal(lo(0), BACKOFF.baseMs / 2);
  assert.equal(hi(0), BACKOFF.baseMs);
  assert.equal(hi(1), BACKOFF.baseMs * 2);
  assert.equal(hi(2), BACKOFF.baseMs * 4);
  for (const attempt of [5, 10, 100, 1e9]) {
    assert.equal(hi(attempt), BACKOFF.maxMs);
    assert.equal(lo(attempt), BACKOFF.maxMs / 2);
  }
  for (let i = 0; i < 200; i++) {
    const d = backoffDelay(i % 12);
    assert.ok(d >= BACKOFF.baseMs / 2 && d <= BACKOFF.maxMs, String(d));
  }
});

/** A fake WebSocket and a fake clock: the test drives open, message and close by hand. */
function harness(options = {}) {
  const sockets = [];
  const timers = [];
  let now = 0;
  class FakeSocket {
    constructor(url) {
      this.url = url;
      this.readyState = 0;
      this.sent = [];
      this.closedWith = null;
      sockets.push(this);
    }
    send(text) {
      this.sent.push(text);
    }
    close(code) {
      this.readyState = 3;
      this.closedWith = code;
    }
    serverOpens() {
      this.readyState = 1;
      this.onopen?.();
    }
    serverSends(text) {
      this.onmessage?.({ data: text });
    }
    serverCloses(code) {
      this.readyState = 3;
      this.onclose?.({ code, reason: '' });
    }
  }
  const statuses = [];
  const received = [];
  const conn = new Connection('ws://h/game', {
    WebSocket: FakeSocket,
    now: () => now,
    setTimeout: (fn, ms) => timers.push({ fn, at: now + ms }) - 1,
    clearTimeout: (id) => {
      if (timers[id]) timers[id].fn = null;
    },
    onStatus: (s) => statuses.push(s),
    onMessage: (t) => received.push(t),
    ...options,
  });
  return {
    conn, sockets, statuses, received,
    advance(ms) {
      now += ms;
      for (const t of timers) {
        if (t.fn && t.at <= now) {
          const fn = t.fn;
          t.fn = null;
          fn();
        }
      }
    },
    get last() {
      return sockets[sockets.length - 1];
    },
  };
}

test('Connection sends and receives text once open', () => {
  const h = harness();
  h.conn.start();
  assert.equal(h.statuses.at(-1).state, Status.CONNECTING);
  assert.equal(h.conn.send({ type: 'ping', t: 1 }), false, 'nothing is sent before open');
  h.last.serverOpens();
  assert.equal(h.statuses.at(-1).state, Status.CONNECTED);
  assert.equal(h.conn.send({ type: 'ping', t: 1 }), true);
  assert.deepEqual(h.last.sent, ['{"type":"ping","t":1}']);
  h.last.serverSends('{"type":"pong"}');
  assert.deepEqual(h.received, ['{"type":"pong"}']);
});

test('Connection reconnects with growing delays and reports when', () => {
  const h = harness({ retryDelay: ({ attempt }) => 1000 * 2 ** attempt });
  h.conn.start();
  h.last.serverOpens();
  h.last.serverCloses(1001);
  let s = h.statuses.at(-1);
  assert.equal(s.state, Status.RECONNECTING);
  assert.equal(s.closeCode, 1001);
  assert.equal(s.retryAt, 1000);
  assert.equal(h.sockets.length, 1);
  h.advance(999);
  assert.equal(h.sockets.length, 1);
  h.advance(1);
  assert.equal(h.sockets.length, 2, 'reopened after the delay');
  h.last.serverCloses(1006); // the server is still down
  s = h.statuses.at(-1);
  assert.equal(s.retryAt - 1000, 2000, 'second delay doubles');
  h.advance(2000);
  assert.equal(h.sockets.length, 3);
  h.last.serverOpens();
  assert.equal(h.statuses.at(-1).state, Status.CONNECTED);
});

test('Connection resets the backoff after a connection that stayed open', () => {
  const attempts = [];
  const h = harness({ retryDelay: ({ attempt }) => (attempts.push(attempt), 100), stableMs: 5000 });
  h.conn.start();
  h.last.serverCloses(1006);
  h.advance(100);
  h.last.serverCloses(1006);
  h.advance(100);
  h.last.serverOpens();
  h.advance(6000);
  h.last.serverCloses(1001);
  assert.deepEqual(attempts, [0, 1, 0]);
});

test('Connection gives up when retryDelay says null, and reconnect() starts again', () => {
  const h = harness({ retryDelay: ({ code }) => (code === 4000 ? null : 100) });
  h.conn.start();
  h.last.serverOpens();
  h.last.serverCloses(4000);
  assert.equal(h.statuses.at(-1).state, Status.DISCONNECTED);
  h.advance(60000);
  assert.equal(h.sockets.length, 1, 'no retry');
  h.conn.reconnect();
  assert.equal(h.sockets.length, 2);
});

test('reconnect() drops the old socket and ignores its late events', () => {
  const h = harness();
  h.conn.start();
  const first = h.last;
  first.serverOpens();
  h.conn.reconnect();
  assert.equal(first.closedWith, 1000);
  assert.equal(h.sockets.length, 2);
  first.serverSends('late');
  first.serverCloses(1000);
  assert.deepEqual(h.received, []);
  assert.equal(h.statuses.at(-1).state, Status.CONNECTING);
});

test('stop() closes for good', () => {
  const h = harness();
  h.conn.start();
  h.last.serverOpens();
  h.conn.stop();
  h.advance(60000);
  assert.equal(h.sockets.length, 1);
  assert.equal(h.statuses.at(-1).state, Status.DISCONNECTED);
});

test('a socket silent for idleTimeoutMs is dropped and reopened', () => {
  const h = harness({ idleTimeoutMs: 1000, retryDelay: () => 50 });
  h.conn.start();
  h.last.serverOpens();
  h.advance(600);
  h.last.serverSends('x');
  h.advance(600);
  assert.equal(h.sockets.length, 1, 'a message keeps it alive');
  h.advance(400);
  assert.equal(h.sockets[0].closedWith, 4004);
  assert.equal(h.statuses.at(-1).state, Status.RECONNECTING);
  h.advance(50);
  assert.equal(h.sockets.length, 2);
});
