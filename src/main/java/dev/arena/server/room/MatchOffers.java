package dev.arena.server.room;

import dev.arena.server.connection.Connection;
import dev.arena.server.connection.Outbox;
import dev.arena.server.metrics.RoomMetrics;
import dev.arena.snapshot.ClientStream;
import dev.arena.snapshot.EventCodec;
import dev.arena.snapshot.Frame;
import dev.arena.spi.Event;
import dev.arena.spi.Match;
import dev.arena.spi.Schema;
import dev.arena.spi.Viewer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a room on the SPI sends each connected seat after a step: the tick's events for it ({@link EventCodec},
 * queued, binary on the compact subprotocol) and a {@link StateOffer} of the tick's {@link Frame} made by the
 * connection's own {@link ClientStream}, opened when the seat is welcomed and closed when its connection goes. Tick
 * thread only.
 */
final class MatchOffers {
    private final Match match;
    private final Schema schema;
    private final EventCodec events;
    private final Seats seats;
    private final RoomMetrics metrics;
    private final Map<Connection, ClientStream> streams = new HashMap<>();

    MatchOffers(Match match, Seats seats, RoomMetrics metrics) {
        this.match = match;
        this.schema = match.game().schema();
        this.events = new EventCodec(schema);
        this.seats = seats;
        this.metrics = metrics;
    }

    /** {@code c} is welcomed as {@code viewer}: its deltas start from a full state. */
    void open(Connection c, Viewer viewer) {
        streams.put(c, new ClientStream(schema, viewer));
    }

    /** {@code c} went, or was replaced: nothing more is made for it. */
    void close(Connection c) {
        if (c != null) {
            streams.remove(c);
        }
    }

    void closeAll() {
        streams.clear();
    }

    /**
     * Queues {@code happened} for the seats they are to, and fills {@code outboxes} and {@code offers} (sized for
     * every seat) with each connected seat's state offer of {@code frame}; returns how many it filled.
     */
    int fill(List<Event> happened, Frame frame, Outbox[] outboxes, Outbox.SnapshotOffer[] offers) {
        List<Seat> connected = new ArrayList<>();
        seats.withDots().forEach(connected::add);
        seats.watching().forEach(connected::add);
        int n = 0;
        for (Seat s : connected) {
            Connection c = s.connection;
            ClientStream stream = c == null ? null : streams.get(c);
            if (stream == null || n == outboxes.length) {
                continue;
            }
            int player = s.id == null ? 0 : s.id.value();
            for (Event e : happened) {
                if (e.to().includes(player)) {
                    metrics.sent(1, 0);
                    if (c.binary()) {
                        c.outbox().queue(ByteBuffer.wrap(events.binary(e)));
                    } else {
                        c.outbox().queue(events.json(e));
                    }
                }
            }
            outboxes[n] = c.outbox();
            offers[n++] = new StateOffer(stream, frame, player == 0 ? -1 : match.ack(player), c.binary(), metrics);
        }
        return n;
    }
}
