package dev.arena.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.dev.DevServer;
import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.ArenaConfig;
import dev.arena.support.GameClient;
import dev.arena.support.Qr;
import jakarta.websocket.CloseReason;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Party mode over real WebSockets on loopback: what each role receives and does not receive, the errors for
 * forbidden input, unknown and full rooms, a screen coming back, and chat relay, limits and escaping.
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
    void aScreenGetsARoomCodeAJoinUrlAndAQrCodeThatReadsAsTheJoinUrl() throws Exception {
        try (GameClient screen = GameClient.joinAs(uri, "screen", null, null, link)) {
            ServerMessage.Party party = screen.await(ServerMessage.Party.class);
            assertThat(party.code()).matches("[BCDFGHJKMNPQRSTWXZ]{5}").isEqualTo(code(screen));
            assertThat(party.joinUrl()).isEqualTo(link + "?room=" + party.code());
            assertThat(Qr.decodeRows(party.qr())).isEqualTo(party.joinUrl());
            assertThat(screen.welcome().id()).isZero();
            assertThat(screen.await(ServerMessage.Audience.class)).isEqualTo(new ServerMessage.Audience(0, 0, 1));
            screen.await(ServerMessage.Snapshot.class); // the full state, every tick
        }
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
            assertThat(server.world().spectatorCount()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void inputFromAScreenIsForbiddenAndMovesNothing() throws Exception {
        try (GameClient screen = screen()) {
            screen.hold(0, 1);
            ServerMessage.Error error = screen.await(ServerMessage.Error.class);
            assertThat(error.code()).isEqualTo("forbidden");
            assertThat(error.message()).contains("screen");
            assertThat(screen.isOpen()).isTrue();
        }
    }

    @Test
    void anUnknownRoomIsAClearErrorNotASilentNewRoomAndTheNextJoinMayBeRight() throws Exception {
        for (String role : List.of("controller", "spectator", "screen", "controller")) {
            try (GameClient phone = GameClient.connect(uri)) { // had any of them made the room, the next would join it
                phone.send(new ClientMessage.Join("Ada", "QQQQQ", null, role, null));
                assertThat(phone.await(ServerMessage.Error.class).code()).as(role).isEqualTo("unknown_room");
            }
        }
        try (GameClient screen = screen(); GameClient phone = GameClient.connect(uri)) {
            phone.send(new ClientMessage.Join("Ada", "QQQQQ", null, "controller", null));
            phone.await(ServerMessage.Error.class);
            phone.send(new ClientMessage.Join("Ada", code(screen), null, "controller", null));
            assertThat(phone.await(ServerMessage.Welcome.class).room()).isEqualTo(code(screen));
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

    @Test
    void aScreenThatReloadsComesBackToTheSameRoomWithItsPlayers() throws Exception {
        try (GameClient screen = screen();
                GameClient ada = GameClient.joinAs(uri, "controller", "Ada", code(screen), null)) {
            String code = code(screen);
            screen.close(CloseReason.CloseCodes.GOING_AWAY); // what a browser sends when its page reloads
            try (GameClient again = GameClient.connect(uri)) {
                again.send(new ClientMessage.Join(null, code, screen.welcome().token(), "screen", link));
                ServerMessage.Welcome w = again.await(ServerMessage.Welcome.class);
                assertThat(w.resumed()).isTrue();
                assertThat(w.room()).isEqualTo(code);
                assertThat(w.players()).extracting(ServerMessage.PlayerInfo::name).containsExactly("Ada");
                assertThat(again.await(ServerMessage.Party.class).code()).isEqualTo(code);
            }
        }
    }

    @Test
    void chatIsRelayedWithTheSendersNameAsPlainTextTrimmedLimitedAndRateLimited() throws Exception {
        try (GameClient screen = screen();
                GameClient ada = GameClient.joinAs(uri, "controller", "Ada", code(screen), null);
                GameClient pat = GameClient.join(uri, "Pat", code(screen))) {
            String html = "<img src=x onerror=\"alert(1)\">&amp;";
            ada.send(new ClientMessage.Chat("   " + html + "  "));
            for (GameClient c : List.of(screen, pat)) {
                ServerMessage.Chat line = c.await(ServerMessage.Chat.class);
                assertThat(line).isEqualTo(new ServerMessage.Chat(ada.id(), "Ada", html)); // as text, unchanged
            }
            ada.sendRaw("{\"type\":\"chat\",\"text\":\"" + "x".repeat(501) + "\"}");
            assertThat(ada.await(ServerMessage.Error.class).code()).isEqualTo("invalid_field");
            pat.send(new ClientMessage.Chat("y".repeat(500)));
            assertThat(screen.await(ServerMessage.Chat.class).text()).hasSize(200);
            for (int i = 0; i < 6; i++) { // 1 sent already: 4 more pass, then the limit
                ada.send(new ClientMessage.Chat("line " + i));
            }
            assertThat(ada.await(ServerMessage.Error.class, e -> true, WAIT).code()).isEqualTo("chat_rate_limited");
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                lines.add(pat.await(ServerMessage.Chat.class, l -> l.from() == ada.id(), WAIT).text());
            }
            assertThat(lines).containsExactly("line 0", "line 1", "line 2", "line 3");
            assertThat(ada.isOpen()).isTrue();
        }
    }
}
