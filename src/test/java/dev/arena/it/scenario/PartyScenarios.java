package dev.arena.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.ServerMessage;
import dev.arena.support.GameClient;
import dev.arena.support.Qr;
import jakarta.websocket.CloseReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Party mode: a screen gets a room, its join link under the target's path and a QR code; a phone joins and plays;
 * what a screen may not do, unknown rooms, a screen coming back, and chat.
 */
public interface PartyScenarios extends OnTarget {
    /** A screen that has received its {@code party} message; its room code is {@code welcome().room()}. */
    private GameClient screen() throws Exception {
        GameClient screen = GameClient.joinAs(target().game(), "screen", null, null, link());
        screen.await(ServerMessage.Party.class);
        return screen;
    }

    private String link() {
        return target().resolve("controller.html").toString();
    }
    @Test
    default void aScreenGetsARoomCodeAJoinUrlUnderTheTargetsPathAndAQrCodeAndAPhoneJoinsIt() throws Exception {
        String link = link();
        try (GameClient screen = GameClient.joinAs(target().game(), "screen", null, null, link)) {
            ServerMessage.Party party = screen.await(ServerMessage.Party.class);
            assertThat(party.code()).matches("[BCDFGHJKMNPQRSTWXZ]{5}").isEqualTo(screen.welcome().room());
            assertThat(party.joinUrl()).isEqualTo(link + "?room=" + party.code())
                    .contains(target().http().getPath() + "controller.html");
            assertThat(Qr.decodeRows(party.qr())).isEqualTo(party.joinUrl()); // ZXing runs in the server
            assertThat(screen.welcome().id()).isZero();
            assertThat(screen.await(ServerMessage.Audience.class)).isEqualTo(new ServerMessage.Audience(0, 0, 1));
            screen.await(ServerMessage.Snapshot.class); // the full state, every tick
            try (GameClient phone = GameClient.joinAs(target().game(), "controller", "Ada", party.code(), null)) {
                assertThat(screen.await(ServerMessage.PlayerJoined.class).player().name()).isEqualTo("Ada");
                phone.hold(1, 0);
                assertThat(phone.await(ServerMessage.Self.class, s -> s.seq() == 1, Duration.ofSeconds(5)).seq())
                        .isEqualTo(1);
            }
        }
    }

    @Test
    default void inputFromAScreenIsForbiddenAndMovesNothing() throws Exception {
        try (GameClient screen = screen()) {
            screen.hold(0, 1);
            ServerMessage.Error error = screen.await(ServerMessage.Error.class);
            assertThat(error.code()).isEqualTo("forbidden");
            assertThat(error.message()).contains("screen");
            assertThat(screen.isOpen()).isTrue();
        }
    }

    /** Five misses from 127.0.0.1: within the address's free guesses (10), which the other scenarios do not use. */
    @Test
    default void anUnknownRoomIsAClearErrorNotASilentNewRoomAndTheNextJoinMayBeRight() throws Exception {
        for (String role : List.of("controller", "spectator", "screen", "controller")) {
            try (GameClient phone = GameClient.connect(target().game())) { // had one made the room, the next would join it
                phone.send(new ClientMessage.Join("Ada", "QQQQQ", null, role, null));
                assertThat(phone.await(ServerMessage.Error.class).code()).as(role).isEqualTo("unknown_room");
            }
        }
        try (GameClient screen = screen(); GameClient phone = GameClient.connect(target().game())) {
            phone.send(new ClientMessage.Join("Ada", "QQQQQ", null, "controller", null));
            assertThat(phone.await(ServerMessage.Error.class).code()).isEqualTo("unknown_room");
            phone.send(new ClientMessage.Join("Ada", screen.welcome().room(), null, "controller", null));
            assertThat(phone.await(ServerMessage.Welcome.class).room()).isEqualTo(screen.welcome().room());
        }
    }

    @Test
    default void aScreenThatReloadsComesBackToTheSameRoomWithItsPlayers() throws Exception {
        try (GameClient screen = screen();
                GameClient ada = GameClient.joinAs(target().game(), "controller", "Ada", screen.welcome().room(), null)) {
            String code = screen.welcome().room();
            screen.close(CloseReason.CloseCodes.GOING_AWAY); // what a browser sends when its page reloads
            try (GameClient again = GameClient.connect(target().game())) {
                again.send(new ClientMessage.Join(null, code, screen.welcome().token(), "screen", link()));
                ServerMessage.Welcome w = again.await(ServerMessage.Welcome.class);
                assertThat(w.resumed()).isTrue();
                assertThat(w.room()).isEqualTo(code);
                assertThat(w.players()).extracting(ServerMessage.PlayerInfo::name).containsExactly("Ada");
                assertThat(again.await(ServerMessage.Party.class).code()).isEqualTo(code);
            }
        }
    }

    @Test
    default void chatIsRelayedWithTheSendersNameAsPlainTextTrimmedLimitedAndRateLimited() throws Exception {
        try (GameClient screen = screen();
                GameClient ada = GameClient.joinAs(target().game(), "controller", "Ada", screen.welcome().room(), null);
                GameClient pat = GameClient.join(target().game(), "Pat", screen.welcome().room())) {
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
            assertThat(ada.await(ServerMessage.Error.class, e -> true, Duration.ofSeconds(5)).code()).isEqualTo("chat_rate_limited");
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                lines.add(pat.await(ServerMessage.Chat.class, l -> l.from() == ada.id(), Duration.ofSeconds(5)).text());
            }
            assertThat(lines).containsExactly("line 0", "line 1", "line 2", "line 3");
            assertThat(ada.isOpen()).isTrue();
        }
    }
}
