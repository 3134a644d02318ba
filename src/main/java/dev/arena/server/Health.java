package dev.arena.server;

/**
 * How the game server is doing, for health checks and operators.
 *
 * @param ticking whether the tick ran recently (within a second, or ten tick periods at low tick rates)
 * @param tickExecutor what runs the tick: "managed" (the container's ManagedScheduledExecutorService) or "plain"
 *     (an executor of Arena's own, where the container has none); null before the tick was started
 * @param tickThread the name of the thread that ran the last tick
 */
public record Health(
        boolean ticking,
        String tickExecutor,
        String tickThread,
        long ticks,
        int rooms,
        int players,
        int connections,
        long droppedSnapshots) {}
