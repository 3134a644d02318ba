package dev.arena.server.room;

import dev.arena.games.dots.World;
import dev.arena.server.connection.Connection;
import dev.arena.server.connection.Outbox;
import dev.arena.server.metrics.RoomMetrics;
import dev.arena.server.snapshot.InterestGrid;
import dev.arena.server.snapshot.RoomFrame;
import dev.arena.server.snapshot.SnapshotFrames;

/**
 * What a dots room sends after its step: the room encoded once ({@link SnapshotFrames}), then per connected seat its
 * snapshot (a player the cells it sees, a screen or spectator the whole room) and, for a controller, its own state
 * instead ({@link Membership#ownState}). Tick thread only.
 */
final class DotsOffers {
    private final World world;
    private final Seats seats;
    private final Membership membership;
    private final SnapshotFrames frames;
    private final RoomMetrics metrics;

    DotsOffers(World world, Seats seats, Membership membership, SnapshotFrames frames, RoomMetrics metrics) {
        this.world = world;
        this.seats = seats;
        this.membership = membership;
        this.frames = frames;
        this.metrics = metrics;
    }

    /** Offers this tick's snapshots through {@code delivery}; returns how many older ones were dropped. */
    int send(long nowMillis, Delivery delivery) {
        if (seats.isEmpty()) {
            return 0;
        }
        RoomFrame frame = frames.next(world.snapshot(), nowMillis);
        InterestGrid grid = frames.grid();
        int capacity = seats.dots() + seats.watchers();
        Outbox[] outboxes = new Outbox[capacity];
        Outbox.SnapshotOffer[] offers = new Outbox.SnapshotOffer[capacity];
        int n = 0;
        int dropped = delivery.droppedMeanwhile();
        for (Seat seat : seats.withDots()) {
            Connection c = seat.connection;
            if (c == null) {
                continue;
            }
            if (seat.feed != null) { // a controller: its own state, never the room's snapshot
                String own = membership.ownState(seat, nowMillis);
                if (own != null && c.outbox().snapshot(own)) {
                    dropped++;
                }
                continue;
            }
            int[] view = grid.view(frames.cellOf(seat.id));
            outboxes[n] = c.outbox();
            offers[n++] = seat.stream.offer(frame, view, frames.seqOf(seat.id), metrics);
        }
        for (Seat seat : seats.watching()) { // screens and spectators see the whole room
            if (n == capacity) {
                break;
            }
            outboxes[n] = seat.connection.outbox();
            offers[n++] = seat.stream.offer(frame, grid.everything(), 0, metrics);
        }
        return delivery.send(outboxes, offers, n, dropped);
    }
}
