/**
 * Party mode: the short room codes, the join link and its QR code ({@link dev.arena.server.party.Party}), and what a
 * controller is sent instead of snapshots ({@link dev.arena.server.party.ControllerFeed}). Imports
 * {@code dev.arena.game}, {@code dev.arena.protocol} and ZXing; never its parent {@code dev.arena.server}, another
 * part of it, or {@code jakarta.websocket}.
 */
package dev.arena.server.party;
