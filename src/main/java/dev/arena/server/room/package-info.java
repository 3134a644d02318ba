/**
 * Room hosting: the {@link dev.arena.server.room.RoomDirectory} of rooms (create on join, tick, dispose when idle),
 * a {@link dev.arena.server.room.Room} per name with its inbox and tick order, one seat type for players,
 * controllers, screens and spectators, joins and resumes, broadcast and chat relay. A room reaches the server around
 * it only through {@link dev.arena.server.room.RoomHost}. A room plays dots on {@code games.dots.World} (a match of the
 * dots game, with the dots wire), or any game on the SPI through its {@link dev.arena.server.room.MatchEngine}; the
 * {@link dev.arena.server.room.Games} registry says which games there are. After its step a dots room sends through
 * {@code DotsOffers}, a room on the SPI through {@code MatchOffers}. Any room, dots included, can be captured between
 * two ticks, on the tick thread, as a {@link dev.arena.server.room.RoomImage} (its seats, tokens, its id source and
 * the game's image, no connection and no inbox) and restored into a fresh room (another node) by
 * {@link dev.arena.server.room.RoomDirectory#restore}. There every seat is away for a full grace period and resumes
 * by its token.
 * Imports {@code dev.arena.game}, {@code dev.arena.protocol}, {@code dev.arena.spi},
 * {@code dev.arena.snapshot}
 * and the sibling parts {@code connection}, {@code snapshot}, {@code party}, {@code metrics}; never its parent
 * {@code dev.arena.server} or {@code jakarta.websocket}.
 */
package dev.arena.server.room;
