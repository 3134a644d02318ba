// The browser's side of the generic game state (dev.arena.snapshot): a StateDecoder applies each state frame, binary
// (the compact subprotocol) or JSON, to what the page knows, for any game, from the game's schema (sent in welcome;
// dev.arena.snapshot.SchemaJson). Also events and inputs in both formats. No DOM, no clock: it runs in Node's tests
// (src/test/js/state.test.mjs checks it against frames the Java encoder made, in a committed fixture).
//
// Binary frames (integers LEB128 varints, signed ones zigzag; see dev.arena.snapshot.Delta):
//   state: u8 0x21, tick, u8 flags (1 full, 2 phase, 4 scores, 8 ack), [ack], [phase: string, round, signed ticksLeft],
//          [scores: n, n x (player, signed points)], sections: n, per section kind index, ops: n, per op id, u8 op
//          (0 new: owner + every field the viewer sees; 1 set: mask of ceil(fields / 8) bytes + those fields; 2 gone)
//          a kind may have more than one section (the shared ones, then the viewer's own): apply them in order
//   input: u8 0x22, input index, seq, values          event: u8 0x23, event index, values
//   value: int/decimal signed (decimal: round(v * scale)), bool u8, choice index, text: byte length + UTF-8
// Used by the modules of games on the SPI (webapp/games/coinrush/feed.js).

export const STATE = 0x21;
export const INPUT = 0x22;
export const EVENT = 0x23;
/** The flag of a binary state frame that says the viewer's ack follows the flags byte (dev.arena.snapshot.Acks.ACK_FLAG). */
export const ACK_FLAG = 8;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8out = new TextEncoder();

/** Whether a viewer {player, role} sees a field or kind of this visibility on an entity owned by `owner`. */
export function shows(visibility, viewer, owner) {
  if (visibility === 'everyone') return true;
  if (visibility === 'owner') return owner !== 0 && viewer.player === owner;
  if (visibility.startsWith('roles:')) return visibility.slice(6).split(',').includes(viewer.role);
  return false; // hidden
}

class Reader {
  constructor(bytes) {
    this.b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    this.i = 0;
  }

  u8() {
    if (this.i >= this.b.length) throw new Error('frame cut short');
    return this.b[this.i++];
  }

  varint() {
    let v = 0;
    for (let scale = 1; ; scale *= 128) {
      const b = this.u8();
      v += (b & 0x7f) * scale;
      if (b < 0x80) return v;
      if (scale > 2 ** 49) throw new Error('varint too long');
    }
  }

  signed() {
    const z = this.varint();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }

  string() {
    const n = this.varint();
    if (this.i + n > this.b.length) throw new Error('string cut short');
    const s = utf8.decode(this.b.subarray(this.i, this.i + n));
    this.i += n;
    return s;
  }

  value(field) {
    switch (field.type) {
      case 'text': return this.string();
      case 'bool': return this.u8() === 1;
      case 'choice': return field.values[this.varint()];
      case 'decimal': return this.signed() / field.scale;
      default: return this.signed();
    }
  }
}

class Writer {
  constructor() {
    this.bytes = [];
  }

  varint(v) {
    while (v >= 128) {
      this.bytes.push((v % 128) + 128);
      v = Math.floor(v / 128);
    }
    this.bytes.push(v);
  }

  value(field, v) {
    switch (field.type) {
      case 'text': {
        const b = utf8out.encode(v);
        this.varint(b.length);
        this.bytes.push(...b);
        break;
      }
      case 'bool': this.bytes.push(v ? 1 : 0); break;
      case 'choice': this.varint(field.values.indexOf(v)); break;
      case 'decimal': this.signedVarint(Math.round(v * field.scale)); break;
      default: this.signedVarint(v);
    }
  }

  signedVarint(v) {
    this.varint(v >= 0 ? v * 2 : -v * 2 - 1);
  }
}

/** What a page knows of a room's state; one per connection, from the welcome's schema and the page's viewer. */
export class StateDecoder {
  /** `schema`: SchemaJson's object; `viewer`: {player (0 for screens), role: 'player'|'controller'|'screen'|'spectator'}. */
  constructor(schema, viewer) {
    this.schema = schema;
    this.viewer = viewer;
    this.tick = -1;
    this.phase = null;
    this.scores = [];
    this.entities = new Map();
    this.clear();
  }

  clear() {
    for (const k of this.schema.kinds) this.entities.set(k.name, new Map());
  }

  /** Applies a frame: an ArrayBuffer / Uint8Array (binary) or the JSON text (or its parsed object). */
  apply(frame) {
    if (typeof frame === 'string') return this.applyJson(JSON.parse(frame));
    if (frame instanceof ArrayBuffer || ArrayBuffer.isView(frame)) return this.applyBinary(frame);
    return this.applyJson(frame);
  }

  applyBinary(bytes) {
    const r = new Reader(bytes instanceof ArrayBuffer || bytes instanceof Uint8Array ? bytes
      : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (r.u8() !== STATE) throw new Error('not a state frame');
    this.tick = r.varint();
    const flags = r.u8();
    this.ack = flags & ACK_FLAG ? r.varint() : undefined; // the viewer's ack (dev.arena.snapshot.Acks)
    if (flags & 1) this.clear();
    if (flags & 2) this.phase = { name: r.string(), round: r.varint(), ticksLeft: r.signed() };
    if (flags & 4) {
      const scores = [];
      for (let n = r.varint(); n > 0; n--) scores.push({ player: r.varint(), points: r.signed() });
      this.scores = scores;
    }
    for (let sections = r.varint(); sections > 0; sections--) {
      const kind = this.schema.kinds[r.varint()];
      const table = this.entities.get(kind.name);
      for (let ops = r.varint(); ops > 0; ops--) {
        const id = r.varint();
        const op = r.u8();
        if (op === 2) {
          table.delete(id);
          continue;
        }
        let fields;
        let e;
        if (op === 0) {
          const owner = r.varint();
          fields = kind.fields.filter((f) => shows(f.visibility, this.viewer, owner));
          e = { owner, values: {} };
          table.set(id, e);
        } else {
          const mask = [];
          for (let i = 0; i < Math.ceil(kind.fields.length / 8); i++) mask.push(r.u8());
          fields = kind.fields.filter((f, i) => (mask[i >> 3] & (1 << (i & 7))) !== 0);
          e = table.get(id);
        }
        for (const f of fields) e.values[f.name] = r.value(f);
      }
    }
    if (r.i !== r.b.length) throw new Error('bytes after the state frame');
    return this;
  }

  applyJson(o) {
    this.tick = o.tick;
    this.ack = Number.isFinite(o.ack) ? o.ack : undefined;
    if (o.full) this.clear();
    if (o.phase) this.phase = { ...o.phase };
    if (o.scores) this.scores = o.scores.map((s) => ({ ...s }));
    for (const [kindName, ops] of Object.entries(o.entities)) {
      const kind = this.schema.kinds.find((k) => k.name === kindName);
      const table = this.entities.get(kindName);
      for (const op of ops) {
        if (op.op === 'gone') {
          table.delete(op.id);
          continue;
        }
        const e = op.op === 'new' ? { owner: op.owner, values: {} } : table.get(op.id);
        table.set(op.id, e);
        for (const f of kind.fields) if (f.name in op) e.values[f.name] = op[f.name];
      }
    }
    return this;
  }
}

/** A received event, binary (ArrayBuffer, Uint8Array) or JSON (its text or its parsed object): {event, values}. */
export function decodeEvent(schema, frame) {
  if (!(frame instanceof ArrayBuffer || ArrayBuffer.isView(frame))) {
    const o = typeof frame === 'string' ? JSON.parse(frame) : frame;
    const type = schema.events.find((e) => e.name === o.event);
    return { event: o.event, values: Object.fromEntries(type.fields.map((f) => [f.name, o[f.name]])) };
  }
  const r = new Reader(frame);
  if (r.u8() !== EVENT) throw new Error('not an event frame');
  const type = schema.events[r.varint()];
  return { event: type.name, values: Object.fromEntries(type.fields.map((f) => [f.name, r.value(f)])) };
}

/** An input as the JSON text the server decodes (dev.arena.snapshot.InputCodec). */
export function inputJson(schema, name, seq, values) {
  const type = schema.inputs.find((i) => i.name === name);
  const o = { type: 'input', seq, input: name };
  for (const f of type.fields) o[f.name] = values[f.name];
  return JSON.stringify(o);
}

/** An input as a binary frame (a Uint8Array). */
export function inputBinary(schema, name, seq, values) {
  const index = schema.inputs.findIndex((i) => i.name === name);
  const w = new Writer();
  w.bytes.push(INPUT);
  w.varint(index);
  w.varint(seq);
  for (const f of schema.inputs[index].fields) w.value(f, values[f.name]);
  return Uint8Array.from(w.bytes);
}
