package dev.arena.load.floor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arena.protocol.Codec;
import dev.arena.protocol.ServerMessage;
import dev.arena.protocol.SnapshotFormat;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The container floor speaks enough of Arena's protocol for the load generator's bots to measure it. */
class FloorTest {
    @Test
    void itsWelcomeDecodesAsArenasWithTheClientsId() {
        Floor.Client client = new Floor.Client(null);
        ServerMessage m = new Codec().decodeServerMessage(Floor.INSTANCE.welcome(client));
        ServerMessage.Welcome w = assertInstanceOf(ServerMessage.Welcome.class, m);
        assertEquals(client.id, w.id());
        assertEquals(20, w.tickRate());
    }

    @Test
    void aBinaryInputBecomesTheAckOfTheNextFrame() {
        Floor.Client client = new Floor.Client(null);
        Floor.input(client, SnapshotFormat.encodeInput(300_000, 1, -1));
        assertEquals(300_000, client.ack);
        ByteBuffer frame = Floor.frame(77, 1_700_000_000_000L, client.ack, 1108);
        assertEquals(1108, frame.remaining());
        SnapshotFormat.Header h = SnapshotFormat.header(frame);
        assertEquals(77, h.tick());
        assertEquals(1_700_000_000_000L, h.time());
        assertEquals(300_000, h.ack());
    }

    @Test
    void aFrameThatIsNotAnInputChangesNothing() {
        Floor.Client client = new Floor.Client(null);
        client.ack = 5;
        Floor.input(client, ByteBuffer.wrap(new byte[] {1, 9, 9}));
        Floor.input(client, ByteBuffer.wrap(new byte[] {2}));
        assertEquals(5, client.ack);
    }

    @Test
    void metricsHaveTheTickHistogramTheGeneratorReads() {
        String text = Floor.INSTANCE.metrics();
        assertTrue(text.contains("arena_tick_seconds_bucket{le=\"+Inf\"} "), text);
        assertTrue(text.lines().filter(l -> l.startsWith("arena_tick_seconds_bucket{le=\"")).count() == 9, text);
    }
}
