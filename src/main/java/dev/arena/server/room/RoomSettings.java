package dev.arena.server.room;

import dev.arena.game.Rules;

/**
 * Room hosting's settings (from {@code ArenaConfig}): the game's rules, seats per room (players and controllers; as
 * many screens and spectators again), how long an away seat waits to be resumed (0: never), the view distance of
 * interest management (0: everyone sees everyone), the room a join without a name goes to, and the most rooms the
 * server holds.
 */
public record RoomSettings(Rules rules, int maxPlayers, long graceMillis, int viewDistance, String defaultRoom,
        int maxRooms) {
    /** Settings for rooms made without a server (tests, benchmarks): the default room name and room limit. */
    public static RoomSettings of(Rules rules, int maxPlayers, long graceMillis, int viewDistance) {
        return new RoomSettings(rules, maxPlayers, graceMillis, viewDistance, "lobby", 1000);
    }
}
