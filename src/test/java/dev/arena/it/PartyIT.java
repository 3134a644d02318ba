package dev.arena.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.dev.DevServer;
import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.ArenaConfig;
import dev.arena.support.GameClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Party mode over real WebSockets on loopback, dev server only: what a controller and a spectator receive and do not
 * receive, and a full room. A full room needs a test-only setting (3 players a room) and the spectator count is read
 * from the dev server's {@code GameWorld}; the controller's feed would hold on any target, and stays here so that the
 * app-server runs stay as long as before. What holds on every target (the screen's room, link and QR code, a phone
 * joining, forbidden input, unknown rooms, a screen coming back, chat) is in {@code it/scenario/PartyScenarios}.
 */
class PartyIT {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static DevServer server;
    private static URI uri;
    private static String link;

    @BeforeAll
    static void start() throws Exception {
        server = DevServer.startForTests(ArenaConfig.DEFAULT.withMaxPlayersPerRoom(3));
        uri = server.gameUri();
        link = server.httpUri() + "controller.html";
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static GameClient screen() throws Exception {
        GameClient screen = GameClient.joinAs(uri, "screen", null, null, link);
        screen.await(ServerMessage.Party.class);
        return screen;
    }

    private static String code(GameClient screen) {
        return screen.welcome().room();
    }

    /** Everything {@code c} receives within {@code window}. */
    private static List<ServerMessage> collect(GameClient c, Duration window) throws InterruptedException {
        List<ServerMessage> all = new ArrayList<>();
        long end = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < end) {
            try {
                all.add(c.await(ServerMessage.class, m -> true, Duration.ofMillis(50)));
            } catch (AssertionError nothingYet) {
                // keep listening until the window ends
            }
        }
        return all;
    }

    private static List<String> types(List<ServerMessage> messages) {
        return messages.stream().map(m -> m.getClass().getSimpleName()).distinct().toList();
    }

    @Test
    void aControllerIsSentItsOwnStateAndRoomEventsButNeverTheRoomsSnapshots() throws Exception {
        try (GameClient screen = screen();
                GameClient ada = GameClient.joinAs(uri, "controller", "Ada", code(screen), null);
                GameClient bob = GameClient.joinAs(uri, "controller", "Bob", code(screen), null)) {
            assertThat(ada.welcome().players()).extracting(ServerMessage.PlayerInfo::name).containsExactly("Ada");
            assertThat(screen.await(ServerMessage.PlayerJoined.class).player().name()).isEqualTo("Ada");
            assertThat(screen.await(ServerMessage.PlayerJoined.class).player().name()).isEqualTo("Bob");
            long seq = ada.hold(1, 0);
            List<ServerMessage> got = collect(ada, Duration.ofMillis(700));
            assertThat(types(got)).doesNotContain("Snapshot", "PlayerJoined", "PlayerLeft", "Party")
                    .contains("Self", "Audience");
            List<ServerMessage.Self> selves = got.stream().filter(ServerMessage.Self.class::isInstance)
                    .map(ServerMessage.Self.class::cast).toList();
            assertThat(selves.get(selves.size() - 1).seq()).isEqualTo(seq);
            assertThat(selves.get(selves.size() - 1).x()).isGreaterThan(selves.get(0).x());
            ServerMessage.Audience counts = (ServerMessage.Audience) got.stream()
                    .filter(ServerMessage.Audience.class::isInstance).reduce((a, b) -> b).orElseThrow();
            assertThat(counts).isEqualTo(new ServerMessage.Audience(2, 0, 1));
            // the screen sees Ada move
            ServerMessage.Snapshot seen = screen.await(ServerMessage.Snapshot.class,
                    s -> s.players().stream().anyMatch(p -> p.id() == ada.id() && p.seq() == seq), WAIT);
            assertThat(seen.players()).hasSize(2);
            // Bob stands still: nothing about Ada's moves reaches him
            bob.drain();
            assertThat(types(collect(bob, Duration.ofMillis(400)))).doesNotContain("Snapshot", "Self");
        }
    }

    @Test
    void spectatorsWatchEverythingAreCountedApartAndMayNotMove() throws Exception {
        String room = "watch" + System.nanoTime();
        try (GameClient pat = GameClient.join(uri, "Pat", room);
                GameClient sam = GameClient.joinAs(uri, "spectator", "Sam", room, null)) {
            assertThat(sam.welcome().id()).isZero();
            assertThat(sam.welcome().players()).extracting(ServerMessage.PlayerInfo::name).containsExactly("Pat");
            assertThat(sam.await(ServerMessage.Audience.class)).isEqualTo(new ServerMessage.Audience(1, 1, 0));
            assertThat(sam.await(ServerMessage.Snapshot.class).players()).hasSize(1);
            sam.hold(1, 0);
            assertThat(sam.await(ServerMessage.Error.class).code()).isEqualTo("forbidden");
            assertThat(collect(pat, Duration.ofMillis(300))).noneMatch(m -> m instanceof ServerMessage.PlayerJoined
                    || m instanceof ServerMessage.Audience);
            assertThat(server.world().stats().spectatorCount()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aFullRoomRefusesTheNextController() throws Exception {
        try (GameClient screen = screen();
                GameClient a = GameClient.joinAs(uri, "controller", "A", code(screen), null);
                GameClient b = GameClient.joinAs(uri, "controller", "B", code(screen), null);
                GameClient c = GameClient.joinAs(uri, "controller", "C", code(screen), null);
                GameClient d = GameClient.connect(uri)) {
            d.send(new ClientMessage.Join("D", code(screen), null, "controller", null));
            ServerMessage.Error full = d.await(ServerMessage.Error.class);
            assertThat(full.code()).isEqualTo("room_full");
            assertThat(full.message()).contains(code(screen));
        }
    }

}
