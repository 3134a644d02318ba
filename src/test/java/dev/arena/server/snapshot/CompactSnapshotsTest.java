package dev.arena.server.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.arena.game.Input;
import dev.arena.game.PlayerId;
import dev.arena.game.PlayerState;
import dev.arena.game.Rules;
import dev.arena.games.dots.World;
import dev.arena.protocol.Assembler;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ServerMessage;
import dev.arena.protocol.SnapshotDecoder;
import dev.arena.server.metrics.Metrics;
import dev.arena.server.metrics.RoomMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The compact snapshot format end to end, without sockets: a room's {@link SnapshotFrames} encodes, a client's
 * {@link SnapshotStream} picks delta or full cells, the client's {@link SnapshotDecoder} rebuilds the room. Players
 * wander, change direction, hit walls, join and leave; snapshots are dropped at random (latest-wins). After every
 * frame the client must see exactly the players in its view, each within 0.01 of where the server has it.
 */
class CompactSnapshotsTest {
    private final Codec codec = new Codec();
    private final RoomMetrics metrics = RoomMetrics.detached(new Metrics(new SimpleMeterRegistry()), 20);

    /** A room of wandering players and one observing client, ticked {@code ticks} times. */
    private final class Scenario {
        final World world;
        final SnapshotFrames frames;
        final SplittableRandom random = new SplittableRandom(11);
        final Map<PlayerId, Long> seqs = new HashMap<>();
        final PlayerId self;
        final SnapshotStream stream = new SnapshotStream(true);
        final SnapshotDecoder decoder;
        int fullFrames;
        int deltaFrames;
        long fullBytes;
        long deltaBytes;

        Scenario(Rules rules, int players, int viewDistance) {
            world = new World(rules, 3);
            frames = new SnapshotFrames(rules, new InterestGrid(rules, viewDistance), codec);
            self = world.join("me").id();
            for (int i = 1; i < players; i++) {
                world.join("p" + i);
            }
            decoder = new SnapshotDecoder(rules, self.value());
        }

        /** One tick; the client gets the frame unless {@code drop}. */
        void tick(boolean drop) {
            for (PlayerState p : world.snapshot().players()) {
                if (random.nextInt(10) == 0) {
                    long seq = seqs.merge(p.id(), 1L, Long::sum);
                    world.steer(p.id(), seq, new Input(random.nextInt(3) - 1, random.nextInt(3) - 1));
                }
            }
            if (random.nextInt(20) == 0) {
                world.join("late");
            }
            if (random.nextInt(20) == 0) {
                PlayerState someone = world.snapshot().players().get(1 + random.nextInt(world.size() - 1));
                world.leave(someone.id());
            }
            world.step();
            RoomFrame frame = frames.next(world.snapshot(), 1000 + world.tick() * 50);
            int[] view = frames.grid().view(frames.cellOf(self));
            SnapshotStream.Offer offer = stream.offer(frame, view, frames.seqOf(self), metrics);
            if (drop) {
                return; // replaced before it was sent: never rendered
            }
            ByteBuffer bytes = (ByteBuffer) offer.render();
            boolean full = bytes.remaining() >= fullSize(frame, view);
            if (full) {
                fullFrames++;
                fullBytes += bytes.remaining();
            } else {
                deltaFrames++;
                deltaBytes += bytes.remaining();
            }
            check(decoder.decode(bytes), view);
        }

        int fullSize(RoomFrame frame, int[] view) {
            int n = 0;
            for (int cell : view) {
                n += frame.full(cell).length;
            }
            return n;
        }

        void check(ServerMessage.Snapshot got, int[] view) {
            assertThat(got.tick()).isEqualTo(world.tick());
            Map<Integer, PlayerState> expected = new HashMap<>();
            for (PlayerState p : world.snapshot().players()) {
                int cell = frames.grid().cellOf(p.position().x(), p.position().y());
                for (int c : view) {
                    if (c == cell) {
                        expected.put(p.id().value(), p);
                    }
                }
            }
            Map<Integer, ServerMessage.PlayerPosition> seen = got.players().stream()
                    .collect(Collectors.toMap(ServerMessage.PlayerPosition::id, p -> p));
            assertThat(seen.keySet()).as("players in view at tick " + world.tick()).isEqualTo(expected.keySet());
            for (ServerMessage.PlayerPosition p : got.players()) {
                PlayerState truth = expected.get(p.id());
                assertThat(p.x()).as("x of " + p.id()).isCloseTo(truth.position().x(), within(0.0101));
                assertThat(p.y()).as("y of " + p.id()).isCloseTo(truth.position().y(), within(0.0101));
                long ack = p.id() == self.value() ? world.player(self).orElseThrow().lastSeq() : 0;
                assertThat(p.seq()).isEqualTo(ack);
            }
        }
    }

    @Test
    void everyoneVisibleNothingDroppedTheClientFollowsTheRoomFromDeltas() {
        Scenario s = new Scenario(Rules.DEFAULT, 200, 0);
        for (int i = 0; i < 150; i++) {
            s.tick(false);
        }
        assertThat(s.fullFrames).as("only the first frame is full").isEqualTo(1);
        assertThat(s.deltaFrames).isEqualTo(149);
        // a tenth of the players changes direction each tick (plus walls, joins and leaves): deltas are small
        assertThat(s.deltaBytes / s.deltaFrames).isLessThan(s.fullBytes / s.fullFrames / 4);
    }

    @Test
    void droppedSnapshotsNeverCorruptTheClientItGetsFullCellsAfterAGap() {
        Scenario s = new Scenario(Rules.DEFAULT, 200, 0);
        SplittableRandom drops = new SplittableRandom(5);
        int gaps = 0;
        boolean dropped = false;
        for (int i = 0; i < 300; i++) {
            boolean drop = i > 0 && drops.nextInt(3) == 0;
            int fullBefore = s.fullFrames;
            s.tick(drop);
            if (!drop && dropped) {
                gaps++;
                assertThat(s.fullFrames).as("the frame after a gap is full").isEqualTo(fullBefore + 1);
            }
            dropped = drop;
        }
        assertThat(gaps).isGreaterThan(30);
        assertThat(s.deltaFrames).isGreaterThan(30);
    }

    @Test
    void aKeyframeGoesOutEveryKeyframeIntervalEvenWithoutGaps() {
        Scenario s = new Scenario(Rules.DEFAULT, 20, 0);
        for (int i = 0; i < 2 * SnapshotStream.KEYFRAME_TICKS + 1; i++) {
            s.tick(false);
        }
        assertThat(s.fullFrames).isEqualTo(3);
    }

    @Test
    void onALargeMapTheClientSeesExactlyThePlayersOfItsNineCells() {
        Rules big = new Rules(4000, 4000, 20, 400, 10);
        Scenario s = new Scenario(big, 3000, 250);
        SplittableRandom drops = new SplittableRandom(9);
        for (int i = 0; i < 200; i++) {
            s.tick(i > 0 && drops.nextInt(5) == 0);
            // the observer roams: it crosses cell borders, so cells enter and leave its view
        }
        assertThat(s.decoder.size()).isBetween(1, 3000 * 9 / 64 * 3);
        assertThat(s.deltaFrames).isGreaterThan(100);
    }

    @Test
    void jsonClientsGetTheSameSnapshotAsBeforeOrTheirCellsOnly() {
        World world = new World(Rules.DEFAULT, 1);
        for (int i = 0; i < 30; i++) {
            world.join("p" + i);
        }
        world.step();
        SnapshotFrames whole = new SnapshotFrames(Rules.DEFAULT, new InterestGrid(Rules.DEFAULT, 0), codec);
        RoomFrame frame = whole.next(world.snapshot(), 1234);
        String json = (String) new SnapshotStream(false).offer(frame, new int[] {0}, 0, metrics).render();
        assertThat(json).isEqualTo(codec.encode(Assembler.snapshot(world.snapshot(), 1234)));

        SnapshotFrames cells = new SnapshotFrames(Rules.DEFAULT, new InterestGrid(Rules.DEFAULT, 100), codec);
        RoomFrame gridFrame = cells.next(world.snapshot(), 1234);
        int[] view = cells.grid().view(cells.grid().cellOf(250, 250));
        ServerMessage.Snapshot got = (ServerMessage.Snapshot) codec.decodeServerMessage(
                (String) new SnapshotStream(false).offer(gridFrame, view, 0, metrics).render());
        List<Integer> expected = new ArrayList<>();
        for (PlayerState p : world.snapshot().players()) {
            double x = p.position().x();
            double y = p.position().y();
            if (x >= 100 && x < 400 && y >= 100 && y < 400) {
                expected.add(p.id().value());
            }
        }
        assertThat(got.players()).extracting(ServerMessage.PlayerPosition::id)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void snapshotTextFromCellArraysEqualsTheEncodedMessage() {
        List<ServerMessage.PlayerPosition> a = List.of(new ServerMessage.PlayerPosition(1, 2.5, 3, 4));
        List<ServerMessage.PlayerPosition> b = List.of(
                new ServerMessage.PlayerPosition(5, 6, 7.25, 8), new ServerMessage.PlayerPosition(9, 10, 11, 0));
        List<ServerMessage.PlayerPosition> all = new ArrayList<>(a);
        all.addAll(b);
        assertThat(Codec.snapshot(7, 99, List.of(codec.positions(a), codec.positions(List.of()), codec.positions(b))))
                .isEqualTo(codec.encode(new ServerMessage.Snapshot(7, 99, all)));
    }
}
