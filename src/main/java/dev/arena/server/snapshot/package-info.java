/**
 * Snapshot encoding for the dots rooms: {@link dev.arena.server.snapshot.SnapshotFrames} encodes a room once per tick
 * into a {@link dev.arena.server.snapshot.RoomFrame} (full and delta chunks per cell of the
 * {@link dev.arena.server.snapshot.InterestGrid}), and each connection's
 * {@link dev.arena.server.snapshot.SnapshotStream} turns it into that client's frame, JSON or compact, a delta where
 * the client holds the base. The generic state encoding of the game SPI is {@code dev.arena.snapshot}, kept apart: it
 * knows no server and no room, and the client side of it belongs with clients. Imports {@code dev.arena.game},
 * {@code dev.arena.protocol} and the siblings {@code connection} (the outbox's offer) and {@code metrics}; never its
 * parent {@code dev.arena.server} or {@code jakarta.websocket}.
 */
package dev.arena.server.snapshot;
