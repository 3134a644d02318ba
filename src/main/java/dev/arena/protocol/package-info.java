/**
 * The wire format, in one place: the JSON messages ({@link dev.arena.protocol.ClientMessage},
 * {@link dev.arena.protocol.ServerMessage}), their {@link dev.arena.protocol.Codec}, error and close codes, and the
 * {@link dev.arena.protocol.Assembler} between messages and game values. Imports {@code dev.arena.game} and
 * {@code jakarta.json}/{@code jakarta.json.bind} only. Its twin in the browser is {@code webapp/js/protocol.js}; both
 * are described in {@code docs/protocol.md}.
 */
package dev.arena.protocol;
