// Unit tests of webapp/js/protocol.js: run with `node --test src/test/js/`.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as protocol from '../../../webapp/js/protocol.js';
import { CloseCode, ErrorCode, MessageType, Role } from '../../../webapp/js/protocol.js';
import { pageUrl } from '../../../webapp/js/net.js';

test('join encodes name and room as in docs/protocol.md', () => {
  assert.equal(protocol.encode(protocol.join('Ada', 'lobby')), '{"type":"join","name":"Ada","room":"lobby"}');
});

test('join leaves out fields that are not given', () => {
  assert.equal(protocol.encode(protocol.join()), '{"type":"join"}');
  assert.equal(protocol.encode(protocol.join(null, null)), '{"type":"join"}');
  assert.equal(protocol.encode(protocol.join('', 'r1')), '{"type":"join","room":"r1"}');
  assert.equal(protocol.encode(protocol.join('Bo', '')), '{"type":"join","name":"Bo"}');
});

test('join cuts a name to the 200 characters the server accepts', () => {
  assert.equal(protocol.join('x'.repeat(500)).name.length, protocol.NAME_MAX_LENGTH);
});

test('input encodes seq, dx, dy', () => {
  assert.equal(protocol.encode(protocol.input(42, 1, 0)), '{"type":"input","seq":42,"dx":1,"dy":0}');
  assert.equal(protocol.encode(protocol.input(1, -1, -1)), '{"type":"input","seq":1,"dx":-1,"dy":-1}');
});

test('inputFrame is the binary input of docs/protocol.md (the same bytes as SnapshotFormatInputTest)', () => {
  assert.deepEqual([...new Uint8Array(protocol.inputFrame(300, 1, 0))], [2, 0xac, 0x02, 7]);
  assert.deepEqual([...new Uint8Array(protocol.inputFrame(1, -1, -1))], [2, 1, 0]);
  const max = [...new Uint8Array(protocol.inputFrame(2 ** 53 - 1, 0, 1))];
  assert.deepEqual(max, [2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f, 5]);
  assert.throws(() => protocol.inputFrame(0, 0, 0), RangeError);
  assert.throws(() => protocol.inputFrame(2 ** 53, 0, 0), RangeError);
  assert.throws(() => protocol.inputFrame(1, 2, 0), RangeError);
});

test('input refuses what the server would refuse', () => {
  assert.throws(() => protocol.input(0, 0, 0), RangeError);
  assert.throws(() => protocol.input(1.5, 0, 0), RangeError);
  assert.throws(() => protocol.input(2 ** 53, 0, 0), RangeError);
  assert.throws(() => protocol.input(1, 2, 0), RangeError);
  assert.throws(() => protocol.input(1, 0, '1'), RangeError);
});

test('ping carries t unchanged', () => {
  assert.equal(protocol.encode(protocol.ping(1234.5)), '{"type":"ping","t":1234.5}');
  assert.throws(() => protocol.ping(NaN), RangeError);
  assert.throws(() => protocol.ping(Infinity), RangeError);
});

test('decode returns objects with a string type and null for anything else', () => {
  assert.deepEqual(protocol.decode('{"type":"playerLeft","id":846930886}'), { type: 'playerLeft', id: 846930886 });
  assert.deepEqual(protocol.decode('{"type":"future","x":1}'), { type: 'future', x: 1 });
  for (const text of ['', 'nope', '[]', 'null', '42', '"snapshot"', '{}', '{"type":7}', undefined]) {
    assert.equal(protocol.decode(text), null, String(text));
  }
});

test('message types, error codes and close codes mirror docs/protocol.md', () => {
  assert.deepEqual(Object.values(MessageType).sort(), [
    'audience', 'chat', 'error', 'input', 'join', 'party', 'ping', 'playerJoined', 'playerLeft', 'pong', 'self',
    'snapshot', 'welcome',
  ]);
  assert.deepEqual(Object.values(ErrorCode).sort(), [
    'already_joined', 'chat_rate_limited', 'forbidden', 'invalid_field', 'join_refused', 'malformed_json',
    'not_joined', 'rate_limited', 'room_full', 'too_many_guesses', 'too_many_rooms', 'too_many_seats',
    'unknown_game', 'unknown_room', 'unknown_type', 'wrong_game',
  ]);
  assert.equal(CloseCode.GOING_AWAY, 1001);
  assert.equal(CloseCode.POLICY_VIOLATION, 1008);
  assert.equal(CloseCode.TOO_BIG, 1009);
  assert.equal(CloseCode.INTERNAL_ERROR, 1011);
  assert.equal(CloseCode.PROTOCOL_ERROR, 4000);
  assert.equal(CloseCode.SLOW_CONSUMER, 4001);
  assert.equal(CloseCode.RATE_LIMITED, 4002);
  assert.equal(CloseCode.REPLACED, 4003);
  assert.equal(CloseCode.IDLE_TIMEOUT, 4004);
  assert.equal(CloseCode.TOO_MANY_CONNECTIONS, 4005);
  assert.equal(CloseCode.GAME_FAILED, 4006);
  assert.ok(Object.isFrozen(MessageType) && Object.isFrozen(ErrorCode) && Object.isFrozen(CloseCode));
  // ... and the documents list every one of them
  const docs = readFileSync(new URL('../../../docs/protocol.md', import.meta.url), 'utf8');
  const security = readFileSync(new URL('../../../docs/security.md', import.meta.url), 'utf8');
  for (const code of Object.values(ErrorCode)) {
    assert.ok(docs.includes(`| \`${code}\` |`), `error code ${code} in docs/protocol.md`);
  }
  for (const [name, code] of Object.entries(CloseCode)) {
    if (name === 'ABNORMAL') continue; // reported by the browser, never sent
    assert.ok(docs.includes(`| ${code} |`), `close code ${code} in docs/protocol.md`);
    if (code >= 4000 || code === 1008 || code === 1009) {
      assert.ok(security.includes(`${code}`), `close code ${code} in docs/security.md`);
    }
  }
});

test('join carries a resume token only when it looks like one', () => {
  const token = 'q5N2x_Kd0aLw-8ZkR1vT3g';
  assert.deepEqual(protocol.join('Ada', 'r', token), { type: 'join', name: 'Ada', room: 'r', token });
  assert.deepEqual(protocol.join('Ada', 'r', 'short'), { type: 'join', name: 'Ada', room: 'r' });
  assert.deepEqual(protocol.join('Ada', 'r', null), { type: 'join', name: 'Ada', room: 'r' });
  assert.deepEqual(protocol.join(null, null, token), { type: 'join', token });
});

test('room names follow [A-Za-z0-9_-]{1,32}', () => {
  for (const ok of ['lobby', 'a', 'Room_1-b', 'x'.repeat(32)]) assert.ok(protocol.isValidRoom(ok), ok);
  for (const bad of ['', 'with space', 'x'.repeat(33), 'é', 'a/b', null, 7]) assert.ok(!protocol.isValidRoom(bad), String(bad));
});

test('error codes, roles and message types are the Java ones', () => {
  const java = (file) => readFileSync(new URL(`../../../src/main/java/dev/arena/protocol/${file}`, import.meta.url), 'utf8');
  const wireNames = [...java('ErrorCode.java').matchAll(/^\s+[A-Z_]+\("([a-z_]+)"\)/gm)].map((m) => m[1]).sort();
  assert.deepEqual(Object.values(ErrorCode).sort(), wireNames);
  const roles = [...java('Role.java').matchAll(/^\s+([A-Z]+)\(/gm)].map((m) => m[1].toLowerCase()).sort();
  assert.deepEqual(Object.values(Role).sort(), roles);
  const aliases = [...java('ClientMessage.java').matchAll(/alias = "(\w+)"/g), ...java('ServerMessage.java').matchAll(/alias = "(\w+)"/g)]
    .map((m) => m[1]);
  assert.deepEqual(Object.values(MessageType).sort(), [...new Set(aliases)].sort());
});

test('join says the role (not for a player) and a screen link that the server accepts', () => {
  assert.equal(protocol.encode(protocol.join('Ada', 'BKRTZ', null, { role: Role.CONTROLLER })),
    '{"type":"join","name":"Ada","room":"BKRTZ","role":"controller"}');
  assert.deepEqual(protocol.join(null, null, null, { role: Role.SCREEN, link: 'http://tv:8080/arena/controller.html' }),
    { type: 'join', role: 'screen', link: 'http://tv:8080/arena/controller.html' });
  assert.deepEqual(protocol.join('Ada', 'r', null, { role: Role.PLAYER }), { type: 'join', name: 'Ada', room: 'r' });
  assert.deepEqual(protocol.join(null, null, null, { role: Role.SCREEN, link: 'file:///x.html' }), { type: 'join', role: 'screen' });
  assert.deepEqual(protocol.join(null, null, null, { role: Role.SCREEN, link: 'http://h/c.html?room=B' }), { type: 'join', role: 'screen' });
  assert.throws(() => protocol.join(null, null, null, { role: 'admin' }), RangeError);
});

test('chat is trimmed, cut to what the server accepts, and nothing when empty', () => {
  assert.equal(protocol.encode(protocol.chat('  gg <b>wp</b> ')), '{"type":"chat","text":"gg <b>wp</b>"}');
  assert.equal(protocol.chat('x'.repeat(900)).text.length, protocol.CHAT_MAX_LENGTH);
  assert.equal(protocol.chat('   '), null);
  assert.equal(protocol.chat(undefined), null);
});

test('party codes and the controller page next to the screen page, under any context path', () => {
  assert.ok(protocol.PARTY_CODE_PATTERN.test('BKRTZ'));
  for (const bad of ['bkrtz', 'BKRT', 'BKRTZZ', 'BOAIZ', 'B1RTZ']) assert.ok(!protocol.PARTY_CODE_PATTERN.test(bad), bad);
  assert.equal(pageUrl(new URL('http://tv:8080/screen.html?room=BKRTZ#x'), 'controller.html'), 'http://tv:8080/controller.html');
  assert.equal(pageUrl(new URL('https://example.org/arena/screen.html'), 'controller.html'), 'https://example.org/arena/controller.html');
  assert.equal(pageUrl(new URL('http://[::1]:9000/arena/'), 'controller.html'), 'http://[::1]:9000/arena/controller.html');
  assert.ok(protocol.LINK_PATTERN.test(pageUrl(new URL('http://192.168.1.5:8080/screen.html'), 'controller.html')));
});

test('protocol.js is the wire format only: it imports nothing (no rule, no UI) and has no text for people', () => {
  const source = readFileSync(new URL('../../../webapp/js/protocol.js', import.meta.url), 'utf8');
  assert.doesNotMatch(source, /^\s*import\b/m);
  assert.equal(protocol.describeError, undefined);
  assert.equal(protocol.describeClose, undefined);
});

test('a welcome names its game; one without a game (an older server) is a dots room', () => {
  assert.equal(protocol.gameOf({ type: 'welcome', game: 'coinrush' }), 'coinrush');
  assert.equal(protocol.gameOf({ type: 'welcome' }), 'dots');
  assert.equal(protocol.gameOf({ type: 'welcome', game: null }), 'dots');
  assert.equal(protocol.gameOf({ type: 'welcome', game: '../x' }), '../x', 'passed on as it is: the loader refuses it');
  for (const ok of ['dots', 'coinrush', 'a', 'tic-tac-toe', 'x'.repeat(32)]) assert.ok(protocol.GAME_PATTERN.test(ok), ok);
  for (const bad of ['', 'Dots', '1x', '-x', 'x'.repeat(33), '../dots', 'a/b', 'a.b', 'dots ']) assert.ok(!protocol.GAME_PATTERN.test(bad), bad);
});
