package dev.arena.spi;

/**
 * Someone who receives a room's state: a player (or a phone controlling a player) sees as that player; a screen or
 * a spectator has no player ({@code player} 0). The server makes one per connection; {@link Visibility} decides,
 * from it, which fields reach that connection.
 */
public record Viewer(int player, Role role) {
    /** The four ways of being in a room (the {@code role} of {@code join} on the wire). */
    public enum Role { PLAYER, CONTROLLER, SCREEN, SPECTATOR }

    public Viewer {
        if (role == null || player < 0 || (player == 0) == (role == Role.PLAYER || role == Role.CONTROLLER)) {
            throw new IllegalArgumentException("players and controllers have a player id, screens and spectators none: "
                    + player + " " + role);
        }
    }

    public static Viewer player(int id) {
        return new Viewer(id, Role.PLAYER);
    }

    public static Viewer screen() {
        return new Viewer(0, Role.SCREEN);
    }

    public static Viewer spectator() {
        return new Viewer(0, Role.SPECTATOR);
    }
}
