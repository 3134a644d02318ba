package dev.arena.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.dev.DevServer;
import dev.arena.server.ArenaConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lean bots against the dev server over real WebSockets on loopback: on the compact subprotocol and without it,
 * they join, receive the room's snapshots at the tick rate, see their inputs acknowledged, and close cleanly; and
 * in rooms of coin rush (a game on the SPI: its state frames, its {@code move} input).
 */
class LeanBotsIT {
    private static DevServer server;

    @BeforeAll
    static void start() throws Exception {
        server = DevServer.startForTests(ArenaConfig.DEFAULT);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static final class Heard implements BotClient.Listener {
        final AtomicLong frames = new AtomicLong();
        final AtomicLong lastTick = new AtomicLong(-1);
        final AtomicLong ack = new AtomicLong();
        volatile int closed = -1;

        @Override
        public void frame(long tick, long ack, int bytes) {
            frames.incrementAndGet();
            lastTick.accumulateAndGet(tick, Math::max);
            this.ack.accumulateAndGet(ack, Math::max);
        }

        @Override
        public void closed(int code, String reason) {
            closed = code;
        }
    }

    @Test
    void compactAndJsonBotsJoinHearTheTicksAndSeeTheirInputsAcknowledged() throws Exception {
        try (LeanBots lean = new LeanBots(true, 2)) {
            List<BotClient> bots = new ArrayList<>();
            List<Heard> heard = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Heard h = new Heard();
                BotClient bot = lean.connect(server.gameUri(), i % 4 != 0, h).get(10, TimeUnit.SECONDS);
                bot.join("lean" + i, "lean-it").get(10, TimeUnit.SECONDS);
                bots.add(bot);
                heard.add(h);
            }
            long[] seqs = new long[bots.size()];
            for (int round = 0; round < 20; round++) { // one second of inputs, every 50 ms
                for (int i = 0; i < bots.size(); i++) {
                    seqs[i] = bots.get(i).input(round % 2 == 0 ? 1 : -1, 0);
                }
                Thread.sleep(50);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline
                    && heard.stream().anyMatch(h -> h.ack.get() < 20)) {
                Thread.sleep(20);
            }
            for (int i = 0; i < bots.size(); i++) {
                Heard h = heard.get(i);
                assertThat(seqs[i]).isEqualTo(20);
                assertThat(h.ack.get()).as("bot %d's newest acknowledged input", i).isEqualTo(20);
                assertThat(h.frames.get()).as("bot %d's snapshots in over a second at 20 Hz", i).isGreaterThan(15);
                assertThat(h.closed).isEqualTo(-1);
                assertThat(bots.get(i).bytesReceived()).isPositive();
                assertThat(bots.get(i).extensions()).isEqualTo("none"); // the offer was made, and refused
            }
            for (BotClient bot : bots) {
                bot.close();
            }
            assertThat(heard).allSatisfy(h -> assertThat(h.closed).isEqualTo(1000));
        }
    }

    @Test
    void coinRushBotsJoinItsRoomsAndSeeTheirMovesAcknowledgedInItsStateFrames() throws Exception {
        try (LeanBots lean = new LeanBots(true, 2, new dev.arena.games.coinrush.CoinRushGame())) {
            List<BotClient> bots = new ArrayList<>();
            List<Heard> heard = new ArrayList<>();
            for (int i = 0; i < 4; i++) { // coin rush holds 8 players a room
                Heard h = new Heard();
                BotClient bot = lean.connect(server.gameUri(), i % 2 == 0, h).get(10, TimeUnit.SECONDS);
                bot.join("coin" + i, "lean-coins").get(10, TimeUnit.SECONDS);
                bots.add(bot);
                heard.add(h);
            }
            long last = 0;
            for (int round = 0; round < 20; round++) {
                for (BotClient bot : bots) {
                    last = bot.input(round % 2 == 0 ? 1 : -1, 1);
                }
                Thread.sleep(50);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && heard.stream().anyMatch(h -> h.ack.get() < 20)) {
                Thread.sleep(20);
            }
            assertThat(last).isEqualTo(20);
            for (int i = 0; i < bots.size(); i++) {
                assertThat(heard.get(i).ack.get()).as("coin rush bot %d's newest acknowledged move", i).isEqualTo(20);
                assertThat(heard.get(i).frames.get()).as("its state frames in over a second").isGreaterThan(15);
                assertThat(heard.get(i).closed).isEqualTo(-1);
            }
        }
    }
}
