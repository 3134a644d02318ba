/**
 * The application: {@link dev.arena.server.GameWorld}, the facade the transport and the runtime call (connect,
 * receive, closed, tick, shutdown), wires its parts and delegates to them: the connection edge
 * ({@code connection}), room hosting ({@code room}), snapshot encoding ({@code snapshot}), party mode
 * ({@code party}) and metrics ({@code metrics}). No part imports this package (ServerPackagesTest);
 * {@link dev.arena.server.ArenaConfig} hands each part its own settings record. Imports {@code dev.arena.game},
 * {@code dev.arena.protocol}, its parts and CDI annotations; never {@code jakarta.websocket}: a client is reached only
 * through the {@link dev.arena.server.connection.Peer} port.
 */
package dev.arena.server;
