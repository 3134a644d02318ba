package dev.arena.it.scenario;

import dev.arena.support.ArenaTarget;

/** What every shared scenario needs: the target it runs against (given by the class that runs the scenarios). */
public interface OnTarget {
    ArenaTarget target();

    /**
     * A room name of its own: every scenario of a run shares one server, so no two may meet in a room. Rooms made from
     * 127.0.0.1 count against that address's budget of {@code arena.roomsPerAddressPerMinute} (20, refilled over a
     * minute) on every target: a scenario that makes many rooms does it from an address of its own (127.0.0.x).
     */
    default String room(String prefix) {
        return prefix + System.nanoTime();
    }
}
