/**
 * Generic state encoding for games on the SPI ({@link dev.arena.spi}): a room's {@link dev.arena.snapshot.Frame}
 * once per tick, each connection's {@link dev.arena.snapshot.ClientStream} of full states and deltas (no cap on
 * kinds, fields or entities; per-viewer visibility and interest cells; a frame's sections made once per group of
 * alike viewers and shared by them), in the compact binary format and in JSON ({@link dev.arena.snapshot.Delta});
 * strict decoding of typed inputs ({@link dev.arena.snapshot.InputCodec}), events
 * ({@link dev.arena.snapshot.EventCodec}), the schema for {@code welcome} ({@link dev.arena.snapshot.SchemaJson}), and
 * the client side ({@link dev.arena.snapshot.StateDecoder}; in the browser {@code webapp/js/state.js}). Imports
 * {@code dev.arena.spi}, {@code dev.arena.protocol} (error codes) and JSON-P; no game. Rooms of every game but dots use
 * it ({@code server.room.MatchEngine}), with the viewer's ack added by {@link dev.arena.snapshot.Acks}.
 */
package dev.arena.snapshot;
