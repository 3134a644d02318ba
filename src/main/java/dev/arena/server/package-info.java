/**
 * The application: {@link dev.arena.server.GameWorld} owns the rooms, takes decoded client messages, runs the ticks
 * and sends snapshots through each connection's {@link dev.arena.server.Outbox}. Imports {@code dev.arena.game},
 * {@code dev.arena.protocol} and CDI annotations; never {@code jakarta.websocket}: a client is reached only through
 * the {@link dev.arena.server.Peer} port.
 */
package dev.arena.server;
