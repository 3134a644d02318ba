/**
 * The WebSocket adapter, and the only package that imports {@code jakarta.websocket}: {@link
 * dev.arena.transport.GameEndpoint} at {@code /game} decodes frames with {@link
 * dev.arena.transport.ClientMessageDecoder} and hands them to {@code server.GameWorld}; {@link
 * dev.arena.transport.SessionPeer} sends the server's text frames back. The handshake's origin check
 * ({@link dev.arena.transport.OriginPolicy}) and reading a session's remote address
 * ({@link dev.arena.transport.RemoteAddresses}), both container-specific, live here too. Try it: run the dev server and open
 * {@code ws://localhost:8080/game}.
 */
package dev.arena.transport;
