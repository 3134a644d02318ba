package dev.arena.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.spi.Phase;
import dev.arena.spi.Score;
import dev.arena.spi.State;
import dev.arena.spi.Table;
import dev.arena.spi.Viewer;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A state frame with the viewer's ack says the same as without, plus the ack, in both formats. */
class AcksTest {
    @Test
    void theAckRidesInFlagBit8AndInJsonAndTheRestOfTheFrameIsUnchanged() {
        State state = new State(StateCodecTest.SCHEMA);
        Table t = state.table(StateCodecTest.THING);
        int id = t.spawn(7);
        t.setDecimal(id, StateCodecTest.X, 12.5);
        for (long tick : new long[] {5, 300, 1L << 40}) { // a tick of one varint byte, of two, of six
            for (long ack : new long[] {0, 1, 200, (1L << 53) - 1}) {
                Delta d = new ClientStream(StateCodecTest.SCHEMA, Viewer.player(7))
                        .next(Frame.of(state, tick, new Phase("playing", 1, 99), List.of(new Score(7, 3)), 0));
                StateDecoder plain = new StateDecoder(StateCodecTest.SCHEMA, Viewer.player(7));
                plain.apply(ByteBuffer.wrap(d.binary()));
                StateDecoder acked = new StateDecoder(StateCodecTest.SCHEMA, Viewer.player(7));
                byte[] bytes = Acks.binary(d, ack);
                acked.apply(ByteBuffer.wrap(bytes));
                assertThat(plain.ack()).isEqualTo(-1);
                assertThat(acked.ack()).isEqualTo(ack);
                assertThat(acked.tick()).isEqualTo(tick);
                assertThat(acked.entities()).isEqualTo(plain.entities());
                assertThat(acked.phase()).isEqualTo(plain.phase());
                assertThat(acked.scores()).isEqualTo(plain.scores());
                byte[] without = d.binary();
                assertThat(bytes.length).isGreaterThan(without.length);
                StateDecoder json = new StateDecoder(StateCodecTest.SCHEMA, Viewer.player(7));
                json.apply(Acks.json(d, ack));
                assertThat(json.ack()).isEqualTo(ack);
                assertThat(json.entities()).isEqualTo(plain.entities());
                assertThat(Acks.json(d, ack)).startsWith("{\"type\":\"state\",\"ack\":" + ack + ",\"tick\":" + tick);
                assertThat(Arrays.copyOfRange(bytes, bytes.length - 4, bytes.length))
                        .isEqualTo(Arrays.copyOfRange(without, without.length - 4, without.length));
            }
        }
    }
}
