package dev.arena.protocol;

import java.util.Locale;

/**
 * What a client is, said in {@code join} ({@code role}; default {@link #PLAYER}). The role decides whether the
 * client has a dot and may send {@code input}, and which messages it is sent (docs/protocol.md, "Roles").
 */
public enum Role {
    /** Plays and sees the whole room: the default, the page at {@code /}. */
    PLAYER(true, true),
    /** A phone used as a game pad: plays, but is sent only its own state, never the room's snapshots. */
    CONTROLLER(true, false),
    /** The shared screen (a TV): no dot, no input; sees the whole room; creates party rooms. */
    SCREEN(false, true),
    /** Watches a room: no dot, no input; sees the whole room. Counted apart from players. */
    SPECTATOR(false, true);

    private final boolean plays;
    private final boolean seesRoom;

    Role(boolean plays, boolean seesRoom) {
        this.plays = plays;
        this.seesRoom = seesRoom;
    }

    /** Has a dot and may send {@code input}. */
    public boolean plays() {
        return plays;
    }

    /** Is sent the room's snapshots and {@code playerJoined}/{@code playerLeft}. */
    public boolean seesRoom() {
        return seesRoom;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role of a wire name, or null when there is none of that name (null: the default, {@link #PLAYER}). */
    public static Role ofWireName(String name) {
        if (name == null) {
            return PLAYER;
        }
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return role;
            }
        }
        return null;
    }
}
