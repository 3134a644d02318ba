package dev.arena.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.arena.dev.DevServer;
import dev.arena.game.Rules;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.ArenaConfig;
import dev.arena.support.GameClient;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real endpoint over real WebSockets on loopback, dev server only: a small map (a test-only setting) so that the
 * dot reaches the corner within a second. What holds on every target (rooms, moves, leaves, bad input, the tick
 * rate, binary inputs) is in {@code it/scenario/PlayScenarios} and {@code BadInputScenarios}.
 */
class GameEndpointIT {
    private static final Rules RULES = new Rules(300, 200, 20, 200, 10);
    private static DevServer server;
    private static URI uri;

    @BeforeAll
    static void start() throws Exception {
        server = DevServer.startForTests(ArenaConfig.DEFAULT.withRules(RULES));
        uri = server.gameUri();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void inputMovesAtTheConfiguredSpeedAndNeverOutOfTheMap() throws Exception {
        try (GameClient c = GameClient.join(uri, "runner", "r" + System.nanoTime())) {
            long seq = c.hold(1, 0);
            ServerMessage.Snapshot first = c.await(ServerMessage.Snapshot.class, s -> own(c, s).seq() == seq,
                    Duration.ofSeconds(2));
            double startX = own(c, first).x();
            ServerMessage.Snapshot later = c.await(ServerMessage.Snapshot.class, s -> s.tick() >= first.tick() + 3,
                    Duration.ofSeconds(2));
            double perTick = RULES.speed() / RULES.tickRate(); // 10 map units a tick
            double expected = Math.min(startX + perTick * (later.tick() - first.tick()), RULES.width() - RULES.radius());
            assertThat(own(c, later).x()).isCloseTo(expected, within(0.02));
            // hold right and down long enough to reach the corner; the dot stops at the edge
            c.hold(1, 1);
            ServerMessage.Snapshot corner = c.await(ServerMessage.Snapshot.class,
                    s -> own(c, s).x() == 290.0 && own(c, s).y() == 190.0, Duration.ofSeconds(5));
            ServerMessage.Snapshot next = c.await(ServerMessage.Snapshot.class, s -> s.tick() > corner.tick(),
                    Duration.ofSeconds(2));
            assertThat(own(c, next).x()).isEqualTo(290.0);
            assertThat(own(c, next).y()).isEqualTo(190.0);
        }
    }

    static ServerMessage.PlayerPosition own(GameClient c, ServerMessage.Snapshot s) {
        return s.players().stream().filter(p -> p.id() == c.id()).findFirst()
                .orElseThrow(() -> new AssertionError("own player missing from " + s));
    }
}
