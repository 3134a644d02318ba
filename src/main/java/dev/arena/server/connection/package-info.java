/**
 * The connection edge: one {@link dev.arena.server.connection.Connection} per client with its
 * {@link dev.arena.server.connection.Outbox} (latest-wins snapshots, bounded control queue) and its
 * {@link dev.arena.server.connection.Peer} port, and {@link dev.arena.server.connection.Connections}, which admits,
 * limits (per address, message rate, chat rate, idle, slow consumers) and closes them with the close-code rules. A
 * connection reaches its room only as a {@link dev.arena.server.connection.Destination}. Imports
 * {@code dev.arena.game}, {@code dev.arena.protocol} and {@code dev.arena.server.metrics}; never its parent
 * {@code dev.arena.server}, another part of it, or {@code jakarta.websocket}.
 */
package dev.arena.server.connection;
