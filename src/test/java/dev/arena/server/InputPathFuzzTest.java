package dev.arena.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.arena.game.Rules;
import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ProtocolException;
import dev.arena.server.connection.Connection;
import dev.arena.support.FakePeer;
import dev.arena.support.WorldHarness;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fuzzes the whole input path: frames from three clients go through the decoder into {@link GameWorld} exactly as
 * the endpoint sends them ({@code receive} or {@code reject}), with ticks and clock steps in between, then everyone
 * goes. Whatever arrives: nothing throws, every player stays on the map, what the server holds per client stays
 * bounded, and afterwards no player, room, connection or address is left. The input is newline-separated frames;
 * the first byte of each picks the client and how far the clock moves. Seeds in
 * {@code src/test/resources/dev/arena/server/InputPathFuzzTestInputs}.
 */
class InputPathFuzzTest {
    private static final Codec CODEC = new Codec();
    private static final Rules RULES = new Rules(300, 200, 20, 200, 10);

    @FuzzTest(maxDuration = "5s")
    void fuzz(byte[] input) {
        run(input);
    }

    @FuzzTest(maxDuration = "10m")
    void longRun(byte[] input) {
        run(input);
    }

    static void run(byte[] input) {
        WorldHarness arena = new WorldHarness(ArenaConfig.DEFAULT.withRules(RULES).withMaxRooms(3)
                .withMaxPlayersPerRoom(2).withRateLimit(20, 10).withResumeGrace(Duration.ofSeconds(2)));
        AtomicLong clock = arena.clock();
        GameWorld world = arena.world();
        List<FakePeer> peers = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            WorldHarness.Client client = arena.connect("10.0.0." + (i % 2));
            peers.add(client.peer());
            connections.add(client.connection());
        }
        int start = 0;
        int frames = 0;
        for (int i = 0; i <= input.length && frames < 200; i++) {
            if (i < input.length && input[i] != '\n') {
                continue;
            }
            if (i > start) {
                int control = input[start] & 0xff;
                String text = new String(input, start + 1, i - start - 1, StandardCharsets.UTF_8);
                Connection c = connections.get(control % 3);
                try {
                    world.receive(c, CODEC.decode(text));
                } catch (ProtocolException refused) {
                    world.reject(c, refused);
                }
                clock.addAndGet((control >> 2) * 10L); // 0 to 630 ms
                if ((control & 0x40) != 0) {
                    world.tick();
                }
                frames++;
            }
            start = i + 1;
        }
        world.tick();
        for (FakePeer peer : peers) {
            assertThat(peer.texts().size()).isLessThan(10_000);
            for (String text : peer.texts()) { // read with JSON-P: no binding in the way of the fuzzer
                JsonObject m = Json.createReader(new StringReader(text)).readObject();
                if (m.getString("type").equals("snapshot")) {
                    for (JsonObject p : m.getJsonArray("players").getValuesAs(JsonObject.class)) {
                        assertThat(p.getJsonNumber("x").doubleValue())
                                .isBetween(RULES.radius(), RULES.width() - RULES.radius());
                        assertThat(p.getJsonNumber("y").doubleValue())
                                .isBetween(RULES.radius(), RULES.height() - RULES.radius());
                    }
                }
            }
        }
        for (Connection c : connections) {
            assertThat(c.outbox().pendingChars()).isLessThan(100_000);
        }
        assertThat(world.stats().roomCount()).isLessThanOrEqualTo(3);
        for (int i = 0; i < connections.size(); i++) {
            if (i == 0) {
                world.dropped(connections.get(i)); // may resume: leaves after the grace period
            } else {
                world.disconnect(connections.get(i));
            }
        }
        clock.addAndGet(2_100);
        world.tick();
        world.tick();
        assertThat(world.stats().playerCount()).isZero();
        assertThat(world.stats().roomCount()).isZero();
        assertThat(world.stats().connectionCount()).isZero();
        assertThat(world.stats().addressCount()).isZero();
    }
}
