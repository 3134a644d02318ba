// Unit tests of webapp/js/texts.js (what the pages say about error and close codes): `node --test src/test/js/`.
import test from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCode } from '../../../webapp/js/protocol.js';
import { capitalise, describeClose, describeError } from '../../../webapp/js/texts.js';

test('every close code of the limits is described for people', () => {
  for (const code of [1008, 4002, 4003, 4004, 4005]) {
    assert.doesNotMatch(describeClose(code), /^closed \(/, String(code));
  }
});

test('room_full is described with the room name', () => {
  assert.match(describeError(ErrorCode.ROOM_FULL, 'arena1'), /arena1.*full/);
  assert.match(describeError('something_new'), /something_new/);
});

test('the new error codes are described for people', () => {
  assert.match(describeError(ErrorCode.UNKNOWN_ROOM, 'BKRTZ'), /no room “BKRTZ”/);
  assert.match(describeError(ErrorCode.FORBIDDEN), /Only players/);
  assert.match(describeError(ErrorCode.CHAT_RATE_LIMITED), /too fast/);
});

test('every error code has words of its own, and capitalise() starts a sentence', () => {
  for (const code of Object.values(ErrorCode)) assert.doesNotMatch(describeError(code, 'r'), /^Server error: /, code);
  assert.equal(capitalise('connection lost'), 'Connection lost');
});
