package dev.arena.server.room;

import dev.arena.server.connection.AddressQuota;
import dev.arena.server.connection.Connection;
import dev.arena.server.metrics.ArenaMetrics;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * What a room uses of the server around it, and nothing more: ending a connection from the room's side (with a code;
 * the connection edge forgets it), fresh resume tokens, the server's metrics, the per-address quota its seats count
 * against ({@link AddressQuota#NONE}: none), and the threads that send snapshots (null: the tick thread).
 */
public record RoomHost(Kicker kicker, Supplier<String> tokens, ArenaMetrics metrics, AddressQuota quota,
        Executor senders) {
    /** Ends a connection from the room's side: closes it with a code and forgets it. */
    public interface Kicker {
        void kick(Connection c, int code, String reason);
    }
}
