/**
 * The WebSocket adapter, and the only package that imports {@code jakarta.websocket}: {@link
 * dev.arena.transport.GameEndpoint} at {@code /game} decodes frames with {@link
 * dev.arena.transport.ClientMessageDecoder} and hands them to {@code server.GameWorld}; {@link
 * dev.arena.transport.SessionPeer} sends the server's text frames back. Try it: run the dev server and open
 * {@code ws://localhost:8080/game}.
 */
package dev.arena.transport;
