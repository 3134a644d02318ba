package dev.arena.spi;

import java.util.List;

/**
 * A one-shot message from the game: an instance of a declared event {@link MessageType}, with its audience. Events
 * are not state: a client that is not connected when one is sent never gets it (state is what a late client must
 * know; an event is what it may miss, e.g. "coin collected" for a sound).
 */
public record Event(MessageType type, Audience to, List<Object> values) {
    public Event {
        values = List.copyOf(values);
    }

    /** Whom an event is for. */
    public sealed interface Audience {
        /** Whether the player {@code player} (0 for screens and spectators) receives it. */
        boolean includes(int player);
    }

    /** One player (and its controller). */
    public record ToPlayer(int player) implements Audience {
        public boolean includes(int p) {
            return p == player;
        }
    }

    /** Some players. */
    public record ToPlayers(List<Integer> players) implements Audience {
        public ToPlayers {
            players = List.copyOf(players);
        }

        public boolean includes(int p) {
            return players.contains(p);
        }
    }

    /** Everyone in the room: players, controllers, screens and spectators. */
    public record ToRoom() implements Audience {
        public boolean includes(int p) {
            return true;
        }
    }
}
