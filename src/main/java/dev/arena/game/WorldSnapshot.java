package dev.arena.game;

import java.util.List;

/** The whole state of a world after a tick: an immutable value, safe to hand to other threads. */
public record WorldSnapshot(long tick, List<PlayerState> players) {
    public WorldSnapshot {
        players = List.copyOf(players);
    }
}
