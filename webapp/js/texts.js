// What the pages say to people about the wire's codes: an `error` code or a close code in plain words. The page
// and HUD side of the protocol's codes (protocol.js keeps the codes themselves, and no text). No DOM: tested in Node
// (src/test/js/texts.test.mjs).

import { CloseCode, DEFAULT_ROOM, ErrorCode } from './protocol.js';

/** A short text for people about an `error` message, by its code. */
export function describeError(code, room) {
  switch (code) {
    case ErrorCode.ROOM_FULL:
      return `Room “${room ?? DEFAULT_ROOM}” is full. Pick another room.`;
    case ErrorCode.TOO_MANY_ROOMS:
      return `The server has no space for a new room “${room ?? ''}”. Join an existing room such as “${DEFAULT_ROOM}”.`;
    case ErrorCode.INVALID_FIELD:
      return 'The server refused a message (invalid field).';
    case ErrorCode.NOT_JOINED:
      return 'Not in a room yet.';
    case ErrorCode.ALREADY_JOINED:
      return 'Already in a room.';
    case ErrorCode.RATE_LIMITED:
      return 'Too many messages: slow down.';
    case ErrorCode.FORBIDDEN:
      return 'Only players can move.';
    case ErrorCode.UNKNOWN_ROOM:
      return `There is no room “${room ?? DEFAULT_ROOM}”. Check the code on the screen.`;
    case ErrorCode.CHAT_RATE_LIMITED:
      return 'Chatting too fast: wait a moment.';
    case ErrorCode.TOO_MANY_SEATS:
      return 'Too many players from your network.';
    case ErrorCode.TOO_MANY_GUESSES:
      return 'Too many unknown room codes from your network: wait a minute, then check the code.';
    case ErrorCode.UNKNOWN_GAME:
      return 'This server has no such game.';
    case ErrorCode.WRONG_GAME:
      return `Room “${room ?? DEFAULT_ROOM}” plays another game. Pick another room.`;
    case ErrorCode.JOIN_REFUSED:
      return `The game in room “${room ?? DEFAULT_ROOM}” did not let you in (it may be full). Pick another room.`;
    case ErrorCode.MALFORMED_JSON:
    case ErrorCode.UNKNOWN_TYPE:
      return 'The server did not understand a message.';
    default:
      return `Server error: ${code}`;
  }
}

/** A short text for people about why a connection closed, by its close code. */
export function describeClose(code) {
  switch (code) {
    case CloseCode.NORMAL:
      return 'closed';
    case CloseCode.GOING_AWAY:
      return 'server going away';
    case CloseCode.ABNORMAL:
      return 'connection lost';
    case CloseCode.TOO_BIG:
      return 'message too big';
    case CloseCode.UNSUPPORTED_DATA:
      return 'the server does not take binary messages';
    case CloseCode.INTERNAL_ERROR:
      return 'server error';
    case CloseCode.PROTOCOL_ERROR:
      return 'protocol error';
    case CloseCode.SLOW_CONSUMER:
      return 'connection too slow';
    case CloseCode.POLICY_VIOLATION:
      return 'this page may not connect to the server';
    case CloseCode.RATE_LIMITED:
      return 'too many messages';
    case CloseCode.REPLACED:
      return 'playing in another tab or window';
    case CloseCode.IDLE_TIMEOUT:
      return 'connection timed out';
    case CloseCode.TOO_MANY_CONNECTIONS:
      return 'too many connections from your network';
    default:
      return code ? `closed (${code})` : 'connection lost';
  }
}

/** `text` with its first letter in capitals. */
export function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
