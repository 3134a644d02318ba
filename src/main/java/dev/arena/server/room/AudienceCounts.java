package dev.arena.server.room;

import dev.arena.protocol.Codec;
import dev.arena.protocol.Role;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.connection.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The room's {@code audience} message (players, spectators, screens): sent to every connection that is not a
 * {@code player} (players count the dots they see) whenever a count changed during a tick, and to each such
 * connection that joined in the tick even if nothing changed. Used by the room's tick thread only.
 */
final class AudienceCounts {
    private final List<Connection> newcomers = new ArrayList<>();
    private ServerMessage.Audience last;

    /** {@code c} was welcomed as {@code role} in this tick. */
    void welcomed(Connection c, Role role) {
        if (role != Role.PLAYER) {
            newcomers.add(c);
        }
    }

    /** At the end of a tick's events: sends the counts to all ({@code toAll}) or to the newcomers, as needed. */
    void announce(Consumer<String> toAll, int players, int spectators, int screens, Codec codec) {
        ServerMessage.Audience now = new ServerMessage.Audience(players, spectators, screens);
        if (!now.equals(last)) {
            last = now;
            toAll.accept(codec.encode(now));
        } else if (!newcomers.isEmpty()) {
            String text = codec.encode(now);
            for (Connection c : newcomers) {
                c.outbox().control(text);
            }
        }
        newcomers.clear();
    }
}
