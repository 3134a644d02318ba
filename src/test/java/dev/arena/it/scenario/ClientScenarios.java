package dev.arena.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.arena.client.ArenaClient;
import dev.arena.games.coinrush.CoinRushGame;
import dev.arena.protocol.ServerMessage;
import dev.arena.snapshot.EventCodec;
import dev.arena.snapshot.StateDecoder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The Java client library ({@link ArenaClient}, on the JDK's WebSocket) plays both games on the target, on the
 * compact subprotocol and in JSON: dots (compact and JSON snapshots agree, an input is acknowledged and moves the
 * player) and a round of coin rush ({@code Options.withGame}: state frames decoded with the game's schema, the
 * game's {@code move} input acknowledged, the round's {@code roundOver} event).
 */
public interface ClientScenarios extends OnTarget {
    /** A dots listener that queues every snapshot. */
    final class Snapshots implements ArenaClient.Listener {
        final BlockingQueue<ServerMessage.Snapshot> queue = new LinkedBlockingQueue<>();

        @Override
        public void snapshot(ServerMessage.Snapshot s) {
            queue.add(s);
        }

        /** The next snapshot that is {@code wanted}, within 10 s. */
        public ServerMessage.Snapshot await(Predicate<ServerMessage.Snapshot> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                ServerMessage.Snapshot s = queue.poll(100, TimeUnit.MILLISECONDS);
                if (s != null && wanted.test(s)) {
                    return s;
                }
            }
            throw new AssertionError("no such snapshot within 10 s");
        }
    }

    /** A listener of a game on the SPI: its newest state (read on the client's thread) and every event. */
    final class Watch implements ArenaClient.Listener {
        final List<EventCodec.Received> events = new CopyOnWriteArrayList<>();
        volatile long ack;
        volatile double ownX = -1;
        volatile int players;
        volatile int id;

        @Override
        public void state(StateDecoder s) {
            ack = s.ack();
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

    private static void waitFor(BooleanSupplier done, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static ServerMessage.PlayerPosition entry(ServerMessage.Snapshot s, int id) {
        return s.players().stream().filter(p -> p.id() == id).findFirst().orElse(null);
    }

    @Test
    default void theJavaClientPlaysDotsCompactAndJsonSeeTheSameRoomAndInputsAreAcknowledged() throws Exception {
        Snapshots compact = new Snapshots();
        Snapshots json = new Snapshots();
        String room = room("jdots");
        ArenaClient.Options options = ArenaClient.Options.DEFAULT;
        try (ArenaClient ada = ArenaClient.connect(target().game(), compact, options).get(10, TimeUnit.SECONDS);
                ArenaClient bob = ArenaClient.connect(target().game(), json, options.withCompact(false))
                        .get(10, TimeUnit.SECONDS)) {
            assertThat(ada.compact()).isTrue();
            assertThat(bob.compact()).isFalse();
            ServerMessage.Welcome adaWelcome = ada.join("Ada", room).get(10, TimeUnit.SECONDS);
            ServerMessage.Welcome bobWelcome = bob.join("Bob", room).get(10, TimeUnit.SECONDS);
            assertThat(adaWelcome.game()).isEqualTo("dots");
            ServerMessage.Snapshot before = compact.await(s -> s.players().size() == 2);
            double x0 = entry(before, adaWelcome.id()).x();
            int dx = x0 < 250 ? 1 : -1;

            long seq = ada.input(dx, 0);
            ServerMessage.Snapshot acked = compact.await(s -> entry(s, adaWelcome.id()).seq() >= seq);
            ServerMessage.Snapshot later = compact.await(s -> s.tick() >= acked.tick() + 3);
            assertThat((entry(later, adaWelcome.id()).x() - x0) * dx).as("Ada moved her way").isPositive();

            // the same tick through JSON: the same players, within the rounding of both formats
            ServerMessage.Snapshot same = json.await(s -> s.tick() >= later.tick());
            ServerMessage.Snapshot compactSame = compact.await(s -> s.tick() >= same.tick());
            if (compactSame.tick() == same.tick()) {
                for (ServerMessage.PlayerPosition p : same.players()) {
                    assertThat(entry(compactSame, p.id()).x()).isCloseTo(p.x(), within(0.0101));
                    assertThat(entry(compactSame, p.id()).y()).isCloseTo(p.y(), within(0.0101));
                }
            }
            assertThat(entry(same, bobWelcome.id())).isNotNull();
            assertThat(ada.bytesReceived()).isPositive();
        }
    }

    @Test
    default void theJavaClientPlaysARoundOfCoinRushCompactAndJson() throws Exception {
        Watch a = new Watch();
        Watch b = new Watch();
        String room = room("jcoins");
        ArenaClient.Options game = ArenaClient.Options.DEFAULT.withGame(new CoinRushGame());
        try (ArenaClient ada = ArenaClient.connect(target().game(), a, game).get(10, TimeUnit.SECONDS);
                ArenaClient bob = ArenaClient.connect(target().game(), b, game.withCompact(false))
                        .get(10, TimeUnit.SECONDS)) {
            ServerMessage.Welcome wa = ada.join("Ada", room).get(10, TimeUnit.SECONDS);
            a.id = wa.id();
            ServerMessage.Welcome wb = bob.join("Bob", room).get(10, TimeUnit.SECONDS);
            b.id = wb.id();
            assertThat(wa.game()).isEqualTo("coinrush");
            assertThat(ada.compact()).isTrue();
            assertThat(bob.compact()).isFalse();
            waitFor(() -> a.players == 2 && b.players == 2 && a.ownX >= 0, 10);
            assertThat(a.players).as("players Ada sees").isEqualTo(2);
            assertThat(b.players).as("players Bob sees").isEqualTo(2);

            double before = a.ownX;
            int dx = before < 400 ? 1 : -1;
            long seq = 0;
            for (int i = 0; i < 10; i++) { // half a second of holding one way
                seq = ada.input(CoinRushGame.MOVE, dx, 0);
                Thread.sleep(50);
            }
            long last = seq;
            waitFor(() -> a.ack >= last, 10);
            assertThat(a.ack).as("Ada's newest input, acknowledged").isEqualTo(last);
            // (nobody moves in the results: if the round ended meanwhile, the move waits for the next one)
            waitFor(() -> a.ownX != before, 10);
            assertThat(a.ownX).as("Ada's x after moving").isNotEqualTo(before);

            CoinRushGame rules = new CoinRushGame();
            double cycle = target().settings(rules).decimal(CoinRushGame.ROUND_SECONDS)
                    + target().settings(rules).decimal(CoinRushGame.RESULTS_SECONDS);
            waitFor(() -> a.events.stream().anyMatch(e -> e.event().equals("roundOver"))
                    && b.events.stream().anyMatch(e -> e.event().equals("roundOver")), (int) Math.ceil(cycle) + 5);
            assertThat(a.events).extracting(EventCodec.Received::event).contains("roundOver");
            assertThat(b.events).extracting(EventCodec.Received::event).contains("roundOver");
        }
    }
}
