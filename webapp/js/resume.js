// Resuming after a dropped connection. The server's `welcome` carries a resume token; this tab keeps it (in
// sessionStorage, so a reload resumes too, but another tab does not share it) together with the room it belongs to,
// and sends it with the next `join` to that room. Back within the server's grace period (15 s by default), the same
// player continues and the others never see it leave; later, or after a server restart, the join makes a fresh player
// (`welcome.resumed` is false) and the new token replaces the old one. No DOM here: unit-tested in Node.

import { CloseCode, TOKEN_PATTERN } from './protocol.js';

/** The sessionStorage key of {token, room}. */
export const RESUME_KEY = 'arena.resume';

/** The tab's resume token: `storage` is sessionStorage (or anything with getItem/setItem/removeItem, or null). */
export class ResumeToken {
  constructor(storage) {
    this.storage = storage ?? null;
  }

  /** The token to send when joining `room` (null: the default room), or null. */
  tokenFor(room, defaultRoom) {
    const saved = this.read();
    if (!saved) return null;
    return saved.room === (room ?? defaultRoom) ? saved.token : null;
  }

  /** Keeps the token of a `welcome`. */
  welcomed(message) {
    if (typeof message?.token !== 'string' || !TOKEN_PATTERN.test(message.token)) return;
    this.write({ token: message.token, room: message.room });
  }

  /** Forgets the token (a deliberate leave, a change of room or name, or another tab took the player over). */
  forget() {
    try {
      this.storage?.removeItem(RESUME_KEY);
    } catch {
      // storage disabled
    }
  }

  read() {
    try {
      const saved = JSON.parse(this.storage?.getItem(RESUME_KEY) ?? 'null');
      if (saved && typeof saved.token === 'string' && TOKEN_PATTERN.test(saved.token) && typeof saved.room === 'string') {
        return saved;
      }
    } catch {
      // unreadable or disabled: no token
    }
    return null;
  }

  write(value) {
    try {
      this.storage?.setItem(RESUME_KEY, JSON.stringify(value));
    } catch {
      // storage disabled or full: the token lasts as long as the page
    }
  }
}

/**
 * What to do after the server closed the connection with `code`, for the close codes of the hardening limits:
 * `{retry: false}` to stop reconnecting by itself (the page offers a Retry button), `forgetToken` to join as a new
 * player next time, and `pauseMs` to wait before the next attempt on top of the usual backoff. Null for every other
 * code (the caller's usual policy: reconnect with backoff, keeping the token, so a dropped connection, a server
 * restart (1001) or an idle timeout (4004) resume by themselves).
 */
export function closePolicy(code) {
  switch (code) {
    case CloseCode.REPLACED: // another tab or window resumed this player: do not fight over it
      return { retry: false, forgetToken: true, pauseMs: 0 };
    case CloseCode.POLICY_VIOLATION: // this page's origin is not allowed: retrying cannot help
      return { retry: false, forgetToken: false, pauseMs: 0 };
    case CloseCode.RATE_LIMITED:
      return { retry: true, forgetToken: true, pauseMs: 10000 };
    case CloseCode.TOO_MANY_CONNECTIONS:
      return { retry: true, forgetToken: false, pauseMs: 10000 };
    case CloseCode.GAME_FAILED: // the room's game failed and the room is gone: a fresh room, a new seat
      return { retry: true, forgetToken: true, pauseMs: 1000 };
    default:
      return null;
  }
}
