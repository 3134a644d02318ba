package dev.arena.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.games.coinrush.CoinRushGame;
import dev.arena.spi.Event;
import dev.arena.spi.Events;
import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventCodecTest {
    static final CoinRushGame GAME = new CoinRushGame();
    static final EventCodec CODEC = new EventCodec(GAME.schema());

    @Test
    void eventsTravelInBothFormats() {
        Events events = new Events(GAME.schema());
        events.toRoom(CoinRushGame.COIN_COLLECTED, 4, 7, 2);
        Event e = events.drain().get(0);
        assertThat(CODEC.json(e)).isEqualTo("{\"type\":\"event\",\"event\":\"coinCollected\",\"coin\":4,\"player\":7,\"points\":2}");
        EventCodec.Received expected = new EventCodec.Received("coinCollected", Map.of("coin", 4L, "player", 7L, "points", 2L));
        assertThat(CODEC.decode(CODEC.json(e))).isEqualTo(expected);
        assertThat(CODEC.decode(ByteBuffer.wrap(CODEC.binary(e)))).isEqualTo(expected);
    }

    @Test
    void aGameCannotEmitWhatItDidNotDeclare() {
        Events events = new Events(GAME.schema());
        assertThatThrownBy(() -> events.toRoom(CoinRushGame.COIN_COLLECTED, 4, 7, 0))
                .hasMessage("coinCollected.points must be an integer in 1..1000");
        assertThatThrownBy(() -> events.toRoom(CoinRushGame.COIN_COLLECTED, 4, 7))
                .hasMessage("coinCollected has 3 fields");
        assertThat(events.pending()).isZero();
    }
}
