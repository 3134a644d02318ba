package dev.arena.server.room;

import dev.arena.game.Rules;

/**
 * Room hosting's settings (from {@code ArenaConfig}): the dots game's rules, seats per room (players and controllers;
 * as many screens and spectators again), how long an away seat waits to be resumed (0: never), the view distance of
 * interest management (0: everyone sees everyone), the room a join without a name goes to, the most rooms the server
 * holds, and the games rooms may play ({@link Games}: a join's {@code game}, the default game, their settings).
 */
public record RoomSettings(Rules rules, int maxPlayers, long graceMillis, int viewDistance, String defaultRoom,
        int maxRooms, Games games) {
    /** Settings for rooms made without a server (tests, benchmarks): the default room name and room limit. */
    public static RoomSettings of(Rules rules, int maxPlayers, long graceMillis, int viewDistance) {
        return new RoomSettings(rules, maxPlayers, graceMillis, viewDistance, "lobby", 1000, Games.standard());
    }
}
