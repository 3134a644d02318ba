// Unit tests of webapp/js/resume.js: run with `node --test src/test/js/`.
import test from 'node:test';
import assert from 'node:assert/strict';
import { RESUME_KEY, ResumeToken, closePolicy } from '../../../webapp/js/resume.js';
import { Connection } from '../../../webapp/js/net.js';
import * as protocol from '../../../webapp/js/protocol.js';
import { CloseCode } from '../../../webapp/js/protocol.js';

/** sessionStorage as a Map. */
function memoryStorage() {
  const map = new Map();
  return {
    map,
    getItem: (k) => (map.has(k) ? map.get(k) : null),
    setItem: (k, v) => map.set(k, String(v)),
    removeItem: (k) => map.delete(k),
  };
}

const T1 = 'AAAAAAAAAAAAAAAAAAAAAA';
const T2 = 'BBBBBBBBBBBBBBBBBBBBBB';

test('a welcome token is kept for its room only', () => {
  const storage = memoryStorage();
  const resume = new ResumeToken(storage);
  assert.equal(resume.tokenFor('r', 'lobby'), null);
  resume.welcomed({ type: 'welcome', room: 'r', token: T1, resumed: false });
  assert.equal(resume.tokenFor('r', 'lobby'), T1);
  assert.equal(resume.tokenFor('other', 'lobby'), null);
  assert.equal(resume.tokenFor(null, 'lobby'), null);
  resume.welcomed({ type: 'welcome', room: 'lobby', token: T2, resumed: false });
  assert.equal(resume.tokenFor(null, 'lobby'), T2, 'no room asked: the default room');
  assert.deepEqual(JSON.parse(storage.getItem(RESUME_KEY)), { token: T2, room: 'lobby' });
  resume.forget();
  assert.equal(resume.tokenFor(null, 'lobby'), null);
});

test('a reload (a new page, the same tab storage) finds the token', () => {
  const storage = memoryStorage();
  new ResumeToken(storage).welcomed({ room: 'r', token: T1 });
  assert.equal(new ResumeToken(storage).tokenFor('r', 'lobby'), T1);
});

test('broken or disabled storage means no token, never an exception', () => {
  const throwing = { getItem() { throw new Error('denied'); }, setItem() { throw new Error('denied'); }, removeItem() { throw new Error('denied'); } };
  for (const storage of [null, undefined, throwing]) {
    const resume = new ResumeToken(storage);
    resume.welcomed({ room: 'r', token: T1 });
    assert.equal(resume.tokenFor('r', 'lobby'), null);
    resume.forget();
  }
  const garbage = memoryStorage();
  garbage.setItem(RESUME_KEY, '{not json');
  assert.equal(new ResumeToken(garbage).tokenFor('r', 'lobby'), null);
  garbage.setItem(RESUME_KEY, JSON.stringify({ token: 'has spaces in it!!!!', room: 'r' }));
  assert.equal(new ResumeToken(garbage).tokenFor('r', 'lobby'), null);
  const resume = new ResumeToken(memoryStorage());
  resume.welcomed({ room: 'r' }); // an older server: no token
  assert.equal(resume.tokenFor('r', 'lobby'), null);
});

test('close policy: replaced gives up and forgets, origin refusal gives up, abuse limits pause', () => {
  assert.deepEqual(closePolicy(CloseCode.REPLACED), { retry: false, forgetToken: true, pauseMs: 0 });
  assert.equal(closePolicy(CloseCode.POLICY_VIOLATION).retry, false);
  assert.ok(closePolicy(CloseCode.RATE_LIMITED).retry && closePolicy(CloseCode.RATE_LIMITED).pauseMs >= 5000);
  assert.ok(closePolicy(CloseCode.TOO_MANY_CONNECTIONS).pauseMs >= 5000);
  for (const code of [CloseCode.GOING_AWAY, CloseCode.ABNORMAL, CloseCode.IDLE_TIMEOUT, CloseCode.SLOW_CONSUMER]) {
    assert.equal(closePolicy(code), null, `${code}: the usual reconnect, keeping the token`);
  }
});

/**
 * The wiring of main.js, on net.js's Connection with a fake WebSocket and clock: join with the stored token on every
 * open, keep the token of every welcome. A drop resumes; a server restart (it no longer knows the token) gives a new
 * player in the same room, whose token replaces the old one; a replaced tab stops.
 */
test('after a drop and after a server restart the client joins again with its token, by itself', () => {
  const storage = memoryStorage();
  const resume = new ResumeToken(storage);
  const sockets = [];
  const timers = [];
  let now = 0;
  class FakeSocket {
    constructor() {
      this.readyState = 0;
      this.sent = [];
      sockets.push(this);
    }
    send(text) {
      this.sent.push(JSON.parse(text));
    }
    close() {
      this.readyState = 3;
    }
  }
  const conn = new Connection('ws://h/game', {
    WebSocket: FakeSocket,
    now: () => now,
    setTimeout: (fn, ms) => timers.push({ fn, at: now + ms }),
    clearTimeout: () => {},
    onOpen: () => conn.send(protocol.join('Ada', 'r', resume.tokenFor('r', protocol.DEFAULT_ROOM))),
    onMessage: (text) => {
      const m = protocol.decode(text);
      if (m?.type === protocol.MessageType.WELCOME) resume.welcomed(m);
    },
    retryDelay: ({ code }) => {
      const policy = closePolicy(code);
      if (policy?.forgetToken) resume.forget();
      if (policy && !policy.retry) return null;
      return 500;
    },
  });
  const open = (socket) => {
    socket.readyState = 1;
    socket.onopen();
  };
  const advance = (ms) => {
    now += ms;
    for (const t of timers.splice(0)) {
      if (t.at <= now) t.fn();
      else timers.push(t);
    }
  };

  conn.start();
  open(sockets[0]);
  assert.deepEqual(sockets[0].sent[0], { type: 'join', name: 'Ada', room: 'r' });
  sockets[0].onmessage({ data: JSON.stringify({ type: 'welcome', id: 7, room: 'r', token: T1, resumed: false }) });

  sockets[0].readyState = 3;
  sockets[0].onclose({ code: CloseCode.ABNORMAL, reason: '' }); // Wi-Fi dropped
  advance(500);
  open(sockets[1]);
  assert.deepEqual(sockets[1].sent[0], { type: 'join', name: 'Ada', room: 'r', token: T1 });
  sockets[1].onmessage({ data: JSON.stringify({ type: 'welcome', id: 7, room: 'r', token: T1, resumed: true }) });

  sockets[1].readyState = 3;
  sockets[1].onclose({ code: CloseCode.GOING_AWAY, reason: 'server shutting down' }); // restart
  advance(500);
  open(sockets[2]);
  assert.deepEqual(sockets[2].sent[0], { type: 'join', name: 'Ada', room: 'r', token: T1 });
  // the new server does not know T1: a new player in the same room, with the same name and a new token
  sockets[2].onmessage({ data: JSON.stringify({ type: 'welcome', id: 9, room: 'r', token: T2, resumed: false }) });
  assert.equal(resume.tokenFor('r', 'lobby'), T2);

  sockets[2].readyState = 3;
  sockets[2].onclose({ code: CloseCode.REPLACED, reason: '' }); // another tab took the player over
  advance(10_000);
  assert.equal(sockets.length, 3, 'a replaced tab does not reconnect by itself');
  assert.equal(resume.tokenFor('r', 'lobby'), null, 'and joins as a new player when asked to');
});
