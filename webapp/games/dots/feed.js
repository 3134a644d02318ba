// The dots game's side of a connection: its messages of protocol version 1 (docs/protocol.md) turned into what the
// core draws and predicts. `welcome` has the rules and every player, `playerJoined` / `playerLeft` change who is
// there, `snapshot` (JSON, or a compact binary frame decoded by protocol.js's SnapshotDecoder with this game's
// step) moves them and acknowledges the own inputs. No DOM: tested in Node (src/test/js/room.test.mjs,
// src/test/js/games/dots.test.mjs).

import { MessageType, SnapshotDecoder, inputFrame, input as inputMessage, encode, SNAPSHOT_SUBPROTOCOL } from '../../js/protocol.js';
import { step } from './step.js';

const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

export class DotsFeed {
  constructor(welcome) {
    this.rules = {
      protocol: welcome.protocol,
      width: welcome.width,
      height: welcome.height,
      tickRate: welcome.tickRate,
      speed: welcome.speed,
      radius: welcome.radius,
    };
    this.tick = welcome.tick;
    this.newestTick = welcome.tick;
    this.selfId = welcome.id;
    this.known = new Map(); // id -> {id, name, color, x, y}: x, y = newest known position
    this.decoder = new SnapshotDecoder(step);
    this.decoder.welcome(welcome);
    for (const p of welcome.players ?? []) this.join(p);
  }

  /** The own player at the welcome, for prediction. */
  start() {
    const self = this.known.get(this.selfId);
    return self ? { tick: this.tick, state: { x: self.x, y: self.y } } : null;
  }

  receive(message) {
    if (message instanceof ArrayBuffer || ArrayBuffer.isView(message)) {
      const snapshot = this.decoder.decode(message);
      return snapshot ? this.snapshot(snapshot) : {};
    }
    switch (message.type) {
      case MessageType.SNAPSHOT:
        return this.snapshot(message);
      case MessageType.PLAYER_JOINED:
        this.join(message.player);
        return {};
      case MessageType.PLAYER_LEFT:
        this.known.delete(message.id);
        return { gone: [message.id] };
      default:
        return null;
    }
  }

  /** `playerJoined` (and each player of `welcome`): remember name and colour; position until the next snapshot. */
  join(player) {
    if (!player || !Number.isInteger(player.id)) return;
    this.known.set(player.id, {
      id: player.id,
      name: typeof player.name === 'string' ? player.name : '',
      color: typeof player.color === 'string' && COLOR_PATTERN.test(player.color) ? player.color : null,
      x: Number(player.x) || 0,
      y: Number(player.y) || 0,
    });
  }

  /** `snapshot`: positions of known players (entries with unknown ids are ignored until they are known). */
  snapshot(message) {
    if (message.tick < this.newestTick) return {}; // older than what is known: snapshots never go back
    this.newestTick = message.tick;
    const positions = new Map();
    let own = null;
    for (const entry of message.players ?? []) {
      const player = this.known.get(entry.id);
      if (!player) continue;
      player.x = entry.x;
      player.y = entry.y;
      positions.set(entry.id, { x: entry.x, y: entry.y });
      if (entry.id === this.selfId) own = { state: { x: entry.x, y: entry.y }, ack: Number.isFinite(entry.seq) ? entry.seq : 0 };
    }
    return { tick: message.tick, time: message.time, positions, own };
  }

  players() {
    return [...this.known.values()];
  }

  /** `input`: the binary frame on the compact subprotocol, JSON otherwise. */
  encodeInput(seq, { dx, dy }, subprotocol) {
    return subprotocol === SNAPSHOT_SUBPROTOCOL ? inputFrame(seq, dx, dy) : encode(inputMessage(seq, dx, dy));
  }
}
