// Unit tests of webapp/js/protocol.js: run with `node --test src/test/js/`.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as protocol from '../../../webapp/js/protocol.js';
import { CloseCode, ErrorCode, MessageType } from '../../../webapp/js/protocol.js';

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
    'error', 'input', 'join', 'ping', 'playerJoined', 'playerLeft', 'pong', 'snapshot', 'welcome',
  ]);
  assert.deepEqual(Object.values(ErrorCode).sort(), [
    'already_joined', 'invalid_field', 'malformed_json', 'not_joined', 'room_full', 'too_many_rooms', 'unknown_type',
  ]);
  assert.equal(CloseCode.GOING_AWAY, 1001);
  assert.equal(CloseCode.TOO_BIG, 1009);
  assert.equal(CloseCode.INTERNAL_ERROR, 1011);
  assert.equal(CloseCode.PROTOCOL_ERROR, 4000);
  assert.equal(CloseCode.SLOW_CONSUMER, 4001);
  assert.ok(Object.isFrozen(MessageType) && Object.isFrozen(ErrorCode) && Object.isFrozen(CloseCode));
});

test('room names follow [A-Za-z0-9_-]{1,32}', () => {
  for (const ok of ['lobby', 'a', 'Room_1-b', 'x'.repeat(32)]) assert.ok(protocol.isValidRoom(ok), ok);
  for (const bad of ['', 'with space', 'x'.repeat(33), 'é', 'a/b', null, 7]) assert.ok(!protocol.isValidRoom(bad), String(bad));
});

test('room_full is described with the room name', () => {
  assert.match(protocol.describeError(ErrorCode.ROOM_FULL, 'arena1'), /arena1.*full/);
  assert.match(protocol.describeError('something_new'), /something_new/);
});
