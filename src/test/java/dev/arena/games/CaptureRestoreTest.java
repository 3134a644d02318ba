package dev.arena.games;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.games.coinrush.CoinRushGame;
import dev.arena.games.dots.DotsGame;
import dev.arena.snapshot.ClientStream;
import dev.arena.snapshot.Delta;
import dev.arena.snapshot.EventCodec;
import dev.arena.snapshot.Frame;
import dev.arena.spi.Event;
import dev.arena.spi.Game;
import dev.arena.spi.GameImage;
import dev.arena.spi.Match;
import dev.arena.spi.MessageType;
import dev.arena.spi.PlayerInput;
import dev.arena.spi.Settings;
import dev.arena.spi.Viewer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A room captured at a tick boundary and restored into a fresh simulation continues exactly as the original: both
 * run side by side with the same calls (joins, leaves, idles, inputs, steps; coins spawning at random; rounds
 * changing) and are compared after every tick: the whole image (state bytes, tick, generator, acks), every viewer's
 * encoded frames in both formats, the events, the phase and the scores.
 */
class CaptureRestoreTest {
    @Test
    void dotsContinueExactlyAfterARestore() {
        sideBySide(new DotsGame(), Map.of("arena.game.dots.mapWidth", "800", "arena.game.dots.speed", "137.5"), 30);
    }

    @Test
    void coinRushContinuesExactlyAfterARestoreAcrossRounds() {
        int rounds = sideBySide(new CoinRushGame(), Map.of("arena.game.coinrush.roundSeconds", "4",
                "arena.game.coinrush.resultsSeconds", "1", "arena.game.coinrush.spawnSeconds", "0.1",
                "arena.game.coinrush.mapWidth", "200", "arena.game.coinrush.mapHeight", "150"), 20);
        assertThat(rounds).as("round changes after a restore").isGreaterThanOrEqualTo(3);
    }

    /** Runs 400 ticks of a scripted room; restores copies at three ticks; returns the rounds seen after the first. */
    private static int sideBySide(Game game, Map<String, String> properties, int tickRate) {
        Match original = Match.start(game, Settings.read(game, properties), tickRate, 20261201);
        Script script = new Script(game.schema().inputs().get(0), 99);
        List<Integer> restoreAt = List.of(37, 150, 290);
        List<Match> copies = new ArrayList<>();
        List<List<ClientStream[]>> streams = new ArrayList<>();
        EventCodec events = new EventCodec(game.schema());
        int firstRound = -1;
        int lastRound = -1;
        for (int tick = 1; tick <= 400; tick++) {
            if (restoreAt.contains(tick)) {
                GameImage image = original.capture();
                Match copy = Match.restore(game, GameImage.fromBytes(image.toBytes()));
                assertThat(copy.capture()).isEqualTo(image);
                copies.add(copy);
                streams.add(List.of(viewers(game, script.present()), viewers(game, script.present())));
                firstRound = firstRound < 0 ? original.phase().round() : firstRound;
            }
            script.tick(tick, original, copies);
            original.step();
            List<String> originalEvents = original.drainEvents().stream().map(events::json).toList();
            for (int c = 0; c < copies.size(); c++) {
                Match copy = copies.get(c);
                copy.step();
                assertThat(copy.drainEvents().stream().map(events::json).toList()).as("events, tick %d", tick)
                        .isEqualTo(originalEvents);
                assertThat(copy.capture()).as("image at tick %d (copy %d)", tick, c).isEqualTo(original.capture());
                assertThat(copy.phase()).isEqualTo(original.phase());
                assertThat(copy.scores()).isEqualTo(original.scores());
                Frame a = Frame.of(original, 100);
                Frame b = Frame.of(copy, 100);
                ClientStream[] sa = streams.get(c).get(0);
                ClientStream[] sb = streams.get(c).get(1);
                for (int v = 0; v < sa.length; v++) {
                    Delta da = sa[v].next(a);
                    Delta db = sb[v].next(b);
                    assertThat(db.binary()).as("binary frame, tick %d", tick).isEqualTo(da.binary());
                    assertThat(db.json()).as("JSON frame, tick %d", tick).isEqualTo(da.json());
                }
            }
            lastRound = original.phase().round();
        }
        assertThat(script.joins).isGreaterThan(5);
        assertThat(script.leaves).isGreaterThan(2);
        return lastRound - firstRound;
    }

    private static ClientStream[] viewers(Game game, List<Integer> players) {
        List<ClientStream> out = new ArrayList<>();
        out.add(new ClientStream(game.schema(), Viewer.screen()));
        for (int p : players) {
            out.add(new ClientStream(game.schema(), Viewer.player(p)));
        }
        return out.toArray(ClientStream[]::new);
    }

    /** The same calls for the original and every copy: joins, leaves, idles and inputs, from a fixed seed. */
    private static final class Script {
        final MessageType move;
        final SplittableRandom random;
        final List<Integer> present = new ArrayList<>();
        final Map<Integer, Long> seqs = new java.util.HashMap<>();
        int nextId = 1;
        int joins;
        int leaves;

        Script(MessageType move, long seed) {
            this.move = move;
            this.random = new SplittableRandom(seed);
        }

        List<Integer> present() {
            return List.copyOf(present);
        }

        void tick(int tick, Match original, List<Match> copies) {
            List<Match> all = new ArrayList<>(copies);
            all.add(0, original);
            if (present.size() < 6 && (tick < 5 || random.nextInt(30) == 0)) {
                int id = nextId++;
                String name = "p" + id;
                var first = original.join(id, name);
                for (Match m : copies) {
                    assertThat(m.join(id, name)).isEqualTo(first);
                }
                present.add(id);
                joins++;
            }
            if (present.size() > 1 && random.nextInt(60) == 0) {
                int id = present.remove(random.nextInt(present.size()));
                all.forEach(m -> m.leave(id));
                leaves++;
            }
            for (int id : present) {
                int r = random.nextInt(10);
                if (r == 0) {
                    all.forEach(m -> m.idle(id));
                    seqs.put(id, 0L);
                } else if (r < 4) {
                    long seq = seqs.merge(id, 1L, Long::sum);
                    PlayerInput in = PlayerInput.of(move, seq, random.nextInt(3) - 1, random.nextInt(3) - 1);
                    all.forEach(m -> m.input(id, in));
                }
            }
        }
    }
}
