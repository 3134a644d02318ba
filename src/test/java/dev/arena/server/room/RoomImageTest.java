package dev.arena.server.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.game.Input;
import dev.arena.game.Rules;
import dev.arena.games.dots.World;
import dev.arena.games.coinrush.CoinRushGame;
import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ProtocolException;
import dev.arena.protocol.Role;
import dev.arena.server.connection.Connection;
import dev.arena.spi.Game;
import dev.arena.spi.Match;
import dev.arena.support.FakePeer;
import dev.arena.support.WorldHarness;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A coin rush room captured between two ticks ({@link RoomImage}) and restored into a fresh room with a host of its
 * own (another node): both fed the same inputs after the boundary stay equal tick by tick (their images and every
 * message each seat is sent), a seat resumes into the copy by its token with its id and score, the byte form round
 * trips and refuses anything but a whole image, and a dots room (its world, seats and a controller) is captured and
 * restored as exactly.
 */
class RoomImageTest {
    private static final long GRACE = 15_000;
    private final RoomSettings settings = RoomSettings.of(Rules.DEFAULT, 10, GRACE, 0);
    private final Codec codec = new Codec();
    private final List<Connection> kicked = new ArrayList<>();
    private final RoomHost host = WorldHarness.roomHost((c, code, reason) -> {
        kicked.add(c);
        c.outbox().close(code, reason);
    });
    private final RoomHost otherNode = WorldHarness.roomHost((c, code, reason) -> c.outbox().close(code, reason));
    private final Game coinRush = new CoinRushGame();
    private final Room room = new Room("cr", Match.start(coinRush, settings.games().settings(coinRush), 20, 42),
            settings, codec, host);
    private long now = 1_000_000;

    private static void move(Room room, Connection c, long seq, int dx, int dy) {
        try {
            room.play(c, ClientMessage.GameInput.of("{\"type\":\"input\",\"seq\":" + seq
                    + ",\"input\":\"move\",\"dx\":" + dx + ",\"dy\":" + dy + "}"));
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
    }

    private static Connection resume(Room room, FakePeer peer, String token, Role role) {
        Connection c = WorldHarness.connection(peer);
        c.startJoining(room);
        room.enqueue(new Room.Join(c, "again", token, role, null));
        return c;
    }

    /** Every seat of an image resumed on a new connection in both rooms, as clients of a moved room would. */
    private record Resumed(FakePeer[] here, FakePeer[] there, Connection[] hereC, Connection[] thereC) {
        static Resumed of(List<RoomImage.SeatImage> seats, Room original, Room copy) {
            Resumed r = new Resumed(new FakePeer[seats.size()], new FakePeer[seats.size()],
                    new Connection[seats.size()], new Connection[seats.size()]);
            for (int i = 0; i < seats.size(); i++) {
                r.here[i] = new FakePeer();
                r.there[i] = new FakePeer();
                r.hereC[i] = resume(original, r.here[i], seats.get(i).token(), seats.get(i).role());
                r.thereC[i] = resume(copy, r.there[i], seats.get(i).token(), seats.get(i).role());
            }
            return r;
        }
    }

    private static List<JsonObject> json(FakePeer peer, String type) {
        return peer.texts().stream().map(t -> Json.createReader(new StringReader(t)).readObject())
                .filter(o -> o.getString("type").equals(type)).toList();
    }

    /** A room with Ada and Bob who have played 30 ticks, and a spectator. */
    private Connection[] played() {
        Connection ada = Rooms.join(room, new FakePeer(), "Ada");
        Connection bob = Rooms.join(room, new FakePeer(), "Bob");
        Connection eve = WorldHarness.connection(new FakePeer());
        eve.startJoining(room);
        room.enqueue(new Room.Join(eve, "Eve", null, Role.SPECTATOR, null));
        for (int t = 1; t <= 30; t++) {
            move(room, ada, t, t % 7 < 4 ? 1 : 0, t % 5 < 2 ? 1 : -1);
            move(room, bob, t, -1, t % 3 - 1);
            room.tick(now += 50);
        }
        return new Connection[] {ada, bob, eve};
    }

    private Room restored(RoomImage image) {
        return RoomImages.restore(RoomImage.fromBytes(image.toBytes()), settings, codec, otherNode, now);
    }

    @Test
    void aRestoredRoomFedTheSameInputsStaysEqualToTheOriginalTickByTickImagesAndFramesAlike() {
        played();
        RoomImage image = room.capture();
        Room copy = restored(image);
        assertThat(copy.capture()).isEqualTo(image);
        assertThat(copy.playerCount()).isEqualTo(2);
        assertThat(copy.awayCount()).isEqualTo(2);
        assertThat(copy.spectatorCount()).isEqualTo(1);
        // every seat comes back on a new connection in both rooms, as clients of a moved room would on the new node
        List<RoomImage.SeatImage> seats = image.seats();
        Resumed both = Resumed.of(seats, room, copy);
        FakePeer[] here = both.here();
        FakePeer[] there = both.there();
        Connection[] hereC = both.hereC();
        Connection[] thereC = both.thereC();
        long copyNow = now;
        for (int t = 31; t <= 230; t++) { // 10 s: coins caught, scores
            for (int p = 0; p < 2; p++) {
                int dx = (t / 9 + p) % 3 - 1;
                int dy = (t / 13 + 2 * p) % 3 - 1;
                move(room, hereC[p], t, dx, dy);
                move(copy, thereC[p], t, dx, dy);
            }
            room.tick(now += 50);
            copy.tick(copyNow += 50);
            assertThat(copy.capture()).as("tick %d", t).isEqualTo(room.capture());
            for (int i = 0; i < seats.size(); i++) {
                assertThat(there[i].texts()).as("seat %d at tick %d", i, t).isEqualTo(here[i].texts());
            }
        }
        assertThat(copy.awayCount()).isZero();
        List<JsonObject> states = json(here[0], "state");
        assertThat(states).hasSize(200);
        long spawned = states.stream().skip(1).filter(o -> o.getJsonObject("entities").containsKey("coin")).count();
        assertThat(spawned).as("coins drawn from the restored generator after the boundary").isPositive();
    }

    @Test
    void aSeatResumesIntoTheRestoredRoomByItsTokenWithItsIdAndTheOthersExpireAfterTheGracePeriod() {
        played();
        RoomImage image = room.capture();
        RoomImage.SeatImage ada = image.seats().get(0);
        Room copy = restored(image);
        FakePeer peer = new FakePeer();
        resume(copy, peer, ada.token(), Role.PLAYER);
        copy.tick(now + 50);
        JsonObject welcome = json(peer, "welcome").get(0);
        assertThat(welcome.getBoolean("resumed")).isTrue();
        assertThat(welcome.getInt("id")).isEqualTo(ada.player());
        assertThat(welcome.getString("token")).isEqualTo(ada.token());
        assertThat(welcome.getJsonNumber("tick").longValue()).isGreaterThanOrEqualTo(image.image().tick());
        assertThat(copy.awayCount()).isEqualTo(1);
        // a newcomer gets the next id, never one of the travelled seats'
        FakePeer cat = new FakePeer();
        Rooms.join(copy, cat, "Cat");
        copy.tick(now + 100);
        assertThat(json(cat, "welcome").get(0).getInt("id")).isEqualTo((int) image.ids());
        // the grace period counts from the restore
        copy.tick(now + GRACE - 1);
        assertThat(copy.playerCount()).isEqualTo(3);
        copy.tick(now + GRACE);
        assertThat(copy.playerCount()).isEqualTo(2);
        assertThat(copy.spectatorCount()).isZero();
        assertThat(peer.closeCode()).isEqualTo(-1);
    }

    @Test
    void theByteFormRoundTripsAndATruncatedOrCorruptImageIsRefusedWithAClearError() {
        played();
        RoomImage image = room.capture();
        byte[] bytes = image.toBytes();
        assertThat(RoomImage.fromBytes(bytes)).isEqualTo(image);
        for (int n = 0; n < bytes.length; n++) {
            byte[] cut = Arrays.copyOf(bytes, n);
            assertThatThrownBy(() -> RoomImage.fromBytes(cut)).as("cut at %d", n)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> RoomImage.fromBytes(longer)).isInstanceOf(IllegalArgumentException.class);
        byte[] version = bytes.clone();
        version[7] = 2;
        assertThatThrownBy(() -> RoomImage.fromBytes(version)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 2");
        byte[] magic = bytes.clone();
        magic[0] = 'X';
        assertThatThrownBy(() -> RoomImage.fromBytes(magic)).hasMessageContaining("not a room image");
        // a seat the game has no player for: refused, and no room is made
        RoomImage ghost = new RoomImage("cr", "coinrush", 99, List.of(new RoomImage.SeatImage(Role.PLAYER, 98, "Gh",
                "token-ghost-xxxxxxxxxxxx", null)), image.image());
        RoomDirectory other = new RoomDirectory(settings, new SplittableRandom(1), codec, otherNode, () -> "ABCDE",
                (c, code, message) -> {});
        assertThatThrownBy(() -> other.restore(ghost, now)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("player 98");
        assertThat(other.size()).isZero();
        assertThat(other.restore(image, now).playerCount()).isEqualTo(2);
        assertThatThrownBy(() -> other.restore(image, now)).hasMessageContaining("exists here already");
        assertThat(other.capture("cr")).isEqualTo(image);
        assertThat(kicked).isEmpty();
    }

    /**
     * A dots room too (its world's match and id generator, its seats, a controller among them): captured after 30
     * ticks, restored, every seat resumed in both; then 100 ticks of the same inputs and a late joiner give equal
     * images and the same messages to every seat, the joiner's new random id included.
     */
    @Test
    void aRestoredDotsRoomStaysEqualToTheOriginalTickByTick() {
        Room dots = new Room("d", new World(Rules.DEFAULT, 3), settings, codec, host);
        Connection ada = Rooms.join(dots, new FakePeer(), "Ada");
        Connection bob = WorldHarness.connection(new FakePeer());
        bob.startJoining(dots);
        dots.enqueue(new Room.Join(bob, "Bob", null, Role.CONTROLLER, null));
        Connection eve = WorldHarness.connection(new FakePeer());
        eve.startJoining(dots);
        dots.enqueue(new Room.Join(eve, "Eve", null, Role.SCREEN, "http://127.0.0.1/controller.html"));
        for (int t = 1; t <= 30; t++) {
            dots.steer(ada, t, new Input(t % 7 < 4 ? 1 : 0, t % 5 < 2 ? 1 : -1));
            dots.steer(bob, t, new Input(-1, t % 3 - 1));
            dots.tick(now += 50);
        }
        RoomImage image = dots.capture();
        assertThat(image.game()).isEqualTo("dots");
        AtomicLong thereTokens = new AtomicLong(); // the other node's own tokens (real ones are random)
        RoomHost thereHost = new RoomHost(otherNode.kicker(), () -> "there-" + thereTokens.incrementAndGet()
                + "-xxxxxxxxxxxxxxxx", otherNode.metrics(), otherNode.quota(), otherNode.senders());
        Room copy = RoomImages.restore(RoomImage.fromBytes(image.toBytes()), settings, codec, thereHost, now);
        assertThat(copy.capture()).isEqualTo(image);
        assertThat(copy.awayCount()).isEqualTo(2);
        assertThat(copy.screenCount()).isEqualTo(1);
        List<RoomImage.SeatImage> seats = image.seats();
        Resumed both = Resumed.of(seats, dots, copy);
        FakePeer[] here = both.here();
        FakePeer[] there = both.there();
        Connection[] hereC = both.hereC();
        Connection[] thereC = both.thereC();
        long copyNow = now;
        for (int t = 31; t <= 130; t++) {
            if (t == 60) { // a newcomer: the same random id, spawn and colour on both
                Rooms.join(dots, new FakePeer(), "Cat");
                Rooms.join(copy, new FakePeer(), "Cat");
            }
            for (int p = 0; p < seats.size(); p++) {
                if (seats.get(p).role().plays()) {
                    Input in = new Input((t / 9 + p) % 3 - 1, (t / 13 + 2 * p) % 3 - 1);
                    dots.steer(hereC[p], t, in);
                    copy.steer(thereC[p], t, in);
                }
            }
            dots.tick(now += 50);
            copy.tick(copyNow += 50);
            RoomImage a = dots.capture();
            RoomImage b = copy.capture();
            assertThat(b.image()).as("the game at tick %d", t).isEqualTo(a.image());
            assertThat(b.ids()).as("the id generator at tick %d", t).isEqualTo(a.ids());
            assertThat(b.seats().stream().map(x -> x.role() + " " + x.player()).toList()).as("seats at tick %d", t)
                    .isEqualTo(a.seats().stream().map(x -> x.role() + " " + x.player()).toList());
            for (int i = 0; i < seats.size(); i++) {
                assertThat(there[i].texts()).as("seat %d at tick %d", i, t).isEqualTo(here[i].texts());
            }
        }
        assertThat(copy.playerCount()).isEqualTo(3);
        assertThat(here[0].texts()).as("snapshots after the resume").hasSizeGreaterThan(100);
    }
}
