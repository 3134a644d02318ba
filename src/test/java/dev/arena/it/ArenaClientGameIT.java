package dev.arena.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.client.ArenaClient;
import dev.arena.dev.DevServer;
import dev.arena.games.coinrush.CoinRushGame;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.ArenaConfig;
import dev.arena.server.room.Games;
import dev.arena.snapshot.EventCodec;
import dev.arena.snapshot.StateDecoder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java client plays coin rush on the dev server over real WebSockets, on the compact subprotocol and in JSON:
 * {@code Options.withGame} joins a coin rush room, its state frames decode with the game's schema, both players see
 * each other, one moves with the game's {@code move} input and sees it acknowledged and its player move, and the
 * short round ends with a {@code roundOver} event.
 */
class ArenaClientGameIT {
    private static DevServer server;

    @BeforeAll
    static void start() throws Exception {
        server = DevServer.startForTests(ArenaConfig.DEFAULT.withGames(Games.standard().with("dots",
                Map.of("arena.game.coinrush.roundSeconds", "2", "arena.game.coinrush.resultsSeconds", "1"))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static final class Watch implements ArenaClient.Listener {
        final AtomicReference<StateDecoder> state = new AtomicReference<>();
        final List<EventCodec.Received> events = new CopyOnWriteArrayList<>();
        volatile long ack;
        volatile double ownX = -1;
        volatile int players;
        volatile String phase;
        int id;

        @Override
        public void state(StateDecoder s) { // on the client's receiving thread: read it here
            state.set(s);
            ack = s.ack();
            phase = s.phase().name();
            Map<Integer, StateDecoder.Entity> ps = s.entities().getOrDefault("player", Map.of());
            players = ps.size();
            StateDecoder.Entity own = ps.get(id);
            if (own != null) {
                ownX = ((Number) own.values().get("x")).doubleValue();
            }
        }

        @Override
        public void event(EventCodec.Received e) {
            events.add(e);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void compactAndJsonClientsPlayARoundOfCoinRush() throws Exception {
        Watch a = new Watch();
        Watch b = new Watch();
        ArenaClient.Options game = ArenaClient.Options.DEFAULT.withGame(new CoinRushGame());
        try (ArenaClient ada = ArenaClient.connect(server.gameUri(), a, game).get(10, TimeUnit.SECONDS);
                ArenaClient bob = ArenaClient.connect(server.gameUri(), b, game.withCompact(false))
                        .get(10, TimeUnit.SECONDS)) {
            ServerMessage.Welcome wa = ada.join("Ada", "java-coins").get(10, TimeUnit.SECONDS);
            ServerMessage.Welcome wb = bob.join("Bob", "java-coins").get(10, TimeUnit.SECONDS);
            assertThat(wa.game()).isEqualTo("coinrush");
            assertThat(ada.compact()).isTrue();
            assertThat(bob.compact()).isFalse();
            a.id = wa.id();
            b.id = wb.id();
            waitFor(() -> a.players == 2 && b.players == 2 && a.ownX >= 0);
            assertThat(a.players).as("players Ada sees").isEqualTo(2);
            assertThat(b.players).as("players Bob sees").isEqualTo(2);

            double before = a.ownX;
            long seq = 0;
            for (int i = 0; i < 10; i++) { // half a second of holding right
                seq = ada.input(CoinRushGame.MOVE, before < 400 ? 1 : -1, 0);
                Thread.sleep(50);
            }
            long last = seq;
            waitFor(() -> a.ack >= last);
            assertThat(a.ack).as("Ada's newest input, acknowledged").isEqualTo(last);
            assertThat(a.ownX).as("Ada's x after moving").isNotEqualTo(before);

            waitFor(() -> a.events.stream().anyMatch(e -> e.event().equals("roundOver"))
                    && b.events.stream().anyMatch(e -> e.event().equals("roundOver")));
            assertThat(a.events).extracting(EventCodec.Received::event).contains("roundOver");
            assertThat(b.events).extracting(EventCodec.Received::event).contains("roundOver");
        }
    }
}
