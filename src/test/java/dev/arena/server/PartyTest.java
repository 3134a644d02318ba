package dev.arena.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.ErrorCode;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.connection.ChatText;
import dev.arena.server.party.Party;
import dev.arena.support.Qr;
import dev.arena.support.WorldHarness;
import dev.arena.support.WorldHarness.Client;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Roles and party rooms in GameWorld, with fake peers and a hand-driven tick and clock. */
class PartyTest {
    private static final String LINK = "http://192.0.2.7:8080/arena/controller.html";

    private final WorldHarness arena = new WorldHarness(
            ArenaConfig.DEFAULT.withMaxPlayersPerRoom(3).withResumeGrace(Duration.ofSeconds(15)));
    private final AtomicLong clock = arena.clock();
    private final GameWorld world = arena.world();

    private Client join(String name, String room, String role) {
        return arena.join(new ClientMessage.Join(name, room, null, role, role.equals("screen") ? LINK : null));
    }

    private Client screen() {
        return join(null, null, "screen");
    }

    private static String code(Client screen) {
        return screen.last(ServerMessage.Party.class).code();
    }

    private static List<String> types(Client c) {
        return c.messages().stream().map(m -> m.getClass().getSimpleName()).toList();
    }

    private static String lastError(Client c) {
        return c.last(ServerMessage.Error.class).code();
    }

    @Test
    void aScreenWithoutARoomCreatesAPartyRoomWithAFreshCodeAJoinLinkAndItsQrCode() {
        Client screen = screen();
        ServerMessage.Welcome welcome = screen.last(ServerMessage.Welcome.class);
        ServerMessage.Party party = screen.last(ServerMessage.Party.class);
        assertThat(party.code()).matches("[" + Party.ALPHABET + "]{5}");
        assertThat(welcome.room()).isEqualTo(party.code());
        assertThat(welcome.id()).isZero(); // no dot
        assertThat(welcome.players()).isEmpty();
        assertThat(party.joinUrl()).isEqualTo(LINK + "?room=" + party.code());
        assertThat(Qr.decodeRows(party.qr())).isEqualTo(party.joinUrl());
        assertThat(types(screen)).startsWith("Welcome", "Party", "Audience", "Snapshot");
        assertThat(screen.last(ServerMessage.Audience.class)).isEqualTo(new ServerMessage.Audience(0, 0, 1));
        assertThat(world.stats().playerCount()).isZero();
        assertThat(world.stats().screenCount()).isEqualTo(1);
        assertThat(world.stats().roomCount()).isEqualTo(1);
    }

    @Test
    void everyScreenGetsItsOwnCodeAndCodesThatAreTakenAreNotReused() {
        ArrayDeque<String> codes = new ArrayDeque<>(List.of("BBBBB", "BBBBB", "DDDDD", "CCCCC"));
        world.usePartyCodes(codes::poll);
        join("Ada", "DDDDD", "player"); // an ordinary room that happens to have a code's name
        assertThat(code(screen())).isEqualTo("BBBBB");
        assertThat(code(screen())).isEqualTo("CCCCC"); // BBBBB and DDDDD were taken
        assertThat(world.stats().roomCount()).isEqualTo(3);
    }

    @Test
    void codesUseTheAlphabetWithoutLookAlikesUniformly() {
        assertThat(Party.ALPHABET).doesNotContain("A", "E", "I", "L", "O", "U", "V", "Y", "0", "1");
        assertThat(Party.CODE_SPACE).isEqualTo(1_889_568L);
        int[] seen = new int[26];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 18_000; i++) {
            String code = Party.newCode(random);
            assertThat(code).hasSize(5);
            for (char ch : code.toCharArray()) {
                seen[ch - 'A']++;
            }
        }
        for (char ch : Party.ALPHABET.toCharArray()) {
            assertThat(seen[ch - 'A']).isBetween(4_500, 5_500); // 5000 expected
        }
    }

    @Test
    void aControllerJoinsByCodeAndIsSentOnlyItsOwnStateNeverTheRoomsSnapshots() {
        Client screen = screen();
        String code = code(screen);
        Client ada = join("Ada", code, "controller");
        Client bob = join("Bob", code, "controller");
        ServerMessage.Welcome welcome = ada.last(ServerMessage.Welcome.class);
        assertThat(welcome.room()).isEqualTo(code);
        assertThat(welcome.players()).extracting(ServerMessage.PlayerInfo::name).containsExactly("Ada");
        assertThat(welcome.id()).isEqualTo(welcome.players().get(0).id());
        assertThat(bob.last(ServerMessage.Welcome.class).players()).hasSize(1);
        // the screen sees both dots with their names
        assertThat(screen.peer().messages(ServerMessage.PlayerJoined.class))
                .extracting(j -> j.player().name()).containsExactly("Ada", "Bob");
        assertThat(screen.last(ServerMessage.Snapshot.class).players()).hasSize(2);

        ada.peer().clear();
        world.receive(ada.connection(), new ClientMessage.Input(1L, 1, 0));
        for (int i = 0; i < 5; i++) {
            world.tick();
        }
        assertThat(ada.peer().messages(ServerMessage.Snapshot.class)).isEmpty();
        assertThat(ada.peer().messages(ServerMessage.PlayerJoined.class)).isEmpty();
        List<ServerMessage.Self> selves = ada.peer().messages(ServerMessage.Self.class);
        assertThat(selves).hasSize(5); // moving: one a tick
        assertThat(selves.get(0).seq()).isEqualTo(1);
        assertThat(selves.get(4).x()).isGreaterThan(selves.get(0).x());
        ServerMessage.PlayerPosition onScreen = screen.last(ServerMessage.Snapshot.class).players().stream()
                .filter(p -> p.id() == welcome.id()).findFirst().orElseThrow();
        assertThat(onScreen.x()).isEqualTo(selves.get(4).x());

        world.receive(ada.connection(), new ClientMessage.Input(2L, 0, 0));
        world.tick();
        ada.peer().clear();
        for (int i = 0; i < 5; i++) {
            world.tick();
        }
        assertThat(ada.messages()).isEmpty(); // standing still: nothing at all
        // Bob (also a controller) heard nothing of Ada's join either, only the counts
        assertThat(types(bob)).doesNotContain("Snapshot", "PlayerJoined", "PlayerLeft");
        assertThat(bob.last(ServerMessage.Audience.class)).isEqualTo(new ServerMessage.Audience(2, 0, 1));
    }

    @Test
    void aPlayerPageStillGetsExactlyWhatItDidWithoutAudienceOrParty() {
        Client screen = screen();
        Client player = join("Pat", code(screen), "player");
        join("Ada", code(screen), "controller");
        join("Sam", code(screen), "spectator");
        world.tick();
        assertThat(types(player)).containsOnly("Welcome", "Snapshot", "PlayerJoined");
        assertThat(player.last(ServerMessage.Welcome.class).players()).hasSize(1);
        assertThat(player.last(ServerMessage.Snapshot.class).players()).hasSize(2);
    }

    @Test
    void spectatorsWatchWithoutADotAndAreCountedApartFromPlayers() {
        Client ada = join("Ada", "arena", "player");
        Client sam = join("Sam", "arena", "spectator");
        ServerMessage.Welcome w = sam.last(ServerMessage.Welcome.class);
        assertThat(w.id()).isZero();
        assertThat(w.players()).extracting(ServerMessage.PlayerInfo::name).containsExactly("Ada");
        assertThat(types(sam)).startsWith("Welcome", "Audience", "Snapshot").doesNotContain("Party");
        assertThat(sam.last(ServerMessage.Audience.class)).isEqualTo(new ServerMessage.Audience(1, 1, 0));
        assertThat(sam.last(ServerMessage.Snapshot.class).players()).hasSize(1);
        assertThat(world.stats().playerCount()).isEqualTo(1);
        assertThat(world.stats().spectatorCount()).isEqualTo(1);
        assertThat(ada.peer().messages(ServerMessage.PlayerJoined.class)).isEmpty(); // a spectator is no player
        Client bob = join("Bob", "arena", "player");
        assertThat(sam.last(ServerMessage.PlayerJoined.class).player().name()).isEqualTo("Bob");
        assertThat(sam.last(ServerMessage.Audience.class)).isEqualTo(new ServerMessage.Audience(2, 1, 0));
        world.disconnect(bob.connection());
        world.tick();
        assertThat(sam.last(ServerMessage.PlayerLeft.class).id()).isEqualTo(bob.id());
    }

    @Test
    void inputFromARoleWithoutADotIsForbidden() {
        Client screen = screen();
        Client sam = join("Sam", code(screen), "spectator");
        for (Client c : List.of(screen, sam)) {
            world.receive(c.connection(), new ClientMessage.Input(1L, 1, 0));
            assertThat(lastError(c)).isEqualTo(ErrorCode.FORBIDDEN.wireName());
        }
        Client fresh = arena.connect();
        world.receive(fresh.connection(), new ClientMessage.Input(1L, 1, 0));
        assertThat(lastError(fresh)).isEqualTo(ErrorCode.NOT_JOINED.wireName());
    }

    @Test
    void controllersSpectatorsAndScreensNeedARoomThatExists() {
        for (String role : List.of("controller", "spectator", "screen")) {
            Client c = arena.connect();
            world.receive(c.connection(), new ClientMessage.Join("Ada", "ZZZZZ", null, role, null));
            assertThat(lastError(c)).as(role).isEqualTo(ErrorCode.UNKNOWN_ROOM.wireName());
            world.receive(c.connection(), new ClientMessage.Join("Ada", null, null, role, null)); // the default room
            if (!role.equals("screen")) {
                assertThat(c.peer().messages(ServerMessage.Error.class)).as(role).hasSize(2);
            }
        }
        world.tick();
        assertThat(world.stats().roomCount()).isEqualTo(1); // only the screen's new party room: no silent new rooms
        assertThat(world.stats().playerCount()).isZero();
    }

    @Test
    void aFullRoomRefusesControllersAndTheyMayTryAnother() {
        Client screen = screen();
        for (int i = 0; i < 3; i++) {
            join("P" + i, code(screen), "controller");
        }
        Client late = join("Late", code(screen), "controller");
        assertThat(lastError(late)).isEqualTo(ErrorCode.ROOM_FULL.wireName());
        Client other = screen();
        world.receive(late.connection(), new ClientMessage.Join("Late", code(other), null, "controller", null));
        world.tick();
        assertThat(late.last(ServerMessage.Welcome.class).room()).isEqualTo(code(other));
    }

    @Test
    void aScreenThatDropsComesBackToTheSameRoomWithItsToken() {
        Client screen = screen();
        String code = code(screen);
        String token = screen.last(ServerMessage.Welcome.class).token();
        world.dropped(screen.connection());
        for (int i = 0; i < 3; i++) {
            clock.addAndGet(4_000);
            world.tick();
        }
        assertThat(world.stats().roomCount()).isEqualTo(1); // an empty room kept for its screen
        Client back = arena.join(new ClientMessage.Join(null, code, token, "screen", LINK));
        assertThat(back.last(ServerMessage.Welcome.class).resumed()).isTrue();
        assertThat(code(back)).isEqualTo(code);
        assertThat(back.last(ServerMessage.Audience.class).screens()).isEqualTo(1);
        // and gone for good: the room ends with its last member
        world.dropped(back.connection());
        clock.addAndGet(15_001);
        world.tick();
        world.tick();
        assertThat(world.stats().roomCount()).isZero();
        Client phone = join("Ada", code, "controller");
        assertThat(lastError(phone)).isEqualTo(ErrorCode.UNKNOWN_ROOM.wireName());
    }

    @Test
    void whenTheScreenLeavesForGoodThePlayersPlayOnAndANewScreenCanShowTheRoom() {
        Client screen = screen();
        String code = code(screen);
        Client ada = join("Ada", code, "controller");
        world.disconnect(screen.connection()); // closed for good
        world.tick();
        assertThat(ada.last(ServerMessage.Audience.class)).isEqualTo(new ServerMessage.Audience(1, 0, 0));
        assertThat(world.stats().roomCount()).isEqualTo(1);
        Client tv = arena.join(new ClientMessage.Join(null, code, null, "screen", LINK));
        assertThat(code(tv)).isEqualTo(code);
        assertThat(tv.last(ServerMessage.Welcome.class).players()).extracting(ServerMessage.PlayerInfo::name)
                .containsExactly("Ada");
        assertThat(ada.last(ServerMessage.Audience.class).screens()).isEqualTo(1);
    }

    @Test
    void aControllerResumesWithItsTokenAndGetsItsStateAgain() {
        Client screen = screen();
        Client ada = join("Ada", code(screen), "controller");
        ServerMessage.Welcome first = ada.last(ServerMessage.Welcome.class);
        world.dropped(ada.connection());
        world.tick();
        Client again = arena.join(new ClientMessage.Join("x", code(screen), first.token(), "controller", null));
        ServerMessage.Welcome second = again.last(ServerMessage.Welcome.class);
        assertThat(second.resumed()).isTrue();
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(again.peer().messages(ServerMessage.Self.class)).hasSize(1); // the state, unchanged but new to it
        assertThat(screen.peer().messages(ServerMessage.PlayerLeft.class)).isEmpty();
    }

    @Test
    void chatIsRelayedToEveryoneElseInTheRoomWithTheSendersNameAsPlainText() {
        Client screen = screen();
        String code = code(screen);
        Client ada = join("Ada", code, "controller");
        Client pat = join("Pat", code, "player");
        Client sam = join("Sam", code, "spectator");
        Client elsewhere = join("Eve", "other", "player");
        world.receive(ada.connection(), new ClientMessage.Chat("  <b>hi</b>\u0007\n\n  all  "));
        world.tick();
        ServerMessage.Chat expected =
                new ServerMessage.Chat(ada.last(ServerMessage.Welcome.class).id(), "Ada", "<b>hi</b> all");
        for (Client c : List.of(screen, pat, sam)) {
            assertThat(c.last(ServerMessage.Chat.class)).isEqualTo(expected);
        }
        assertThat(ada.peer().messages(ServerMessage.Chat.class)).isEmpty(); // not echoed to the sender
        assertThat(elsewhere.peer().messages(ServerMessage.Chat.class)).isEmpty();
        world.receive(sam.connection(), new ClientMessage.Chat("go!"));
        world.receive(screen.connection(), new ClientMessage.Chat("round 2"));
        world.tick();
        assertThat(ada.peer().messages(ServerMessage.Chat.class)).containsExactly(
                new ServerMessage.Chat(0, "Sam", "go!"), new ServerMessage.Chat(0, "Screen", "round 2"));
    }

    @Test
    void chatIsTrimmedLengthLimitedAndNeverEmpty() {
        Client ada = join("Ada", "r", "player");
        Client bob = join("Bob", "r", "player");
        world.receive(ada.connection(), new ClientMessage.Chat("x".repeat(450)));
        world.receive(ada.connection(), new ClientMessage.Chat(" \t\u200b\n"));
        world.tick();
        assertThat(bob.last(ServerMessage.Chat.class).text()).hasSize(ChatText.MAX_LENGTH);
        assertThat(bob.peer().messages(ServerMessage.Chat.class)).hasSize(1);
        assertThat(lastError(ada)).isEqualTo(ErrorCode.INVALID_FIELD.wireName());
        Client fresh = arena.connect();
        world.receive(fresh.connection(), new ClientMessage.Chat("hello"));
        assertThat(lastError(fresh)).isEqualTo(ErrorCode.NOT_JOINED.wireName());
    }

    @Test
    void chatIsRateLimitedPerSenderFiveAtOnceThenOneASecond() {
        Client ada = join("Ada", "r", "player");
        Client bob = join("Bob", "r", "player");
        for (int i = 1; i <= 7; i++) {
            world.receive(ada.connection(), new ClientMessage.Chat("line " + i));
        }
        world.receive(bob.connection(), new ClientMessage.Chat("bob is not limited by Ada"));
        world.tick();
        assertThat(bob.peer().messages(ServerMessage.Chat.class)).extracting(ServerMessage.Chat::text)
                .containsExactly("line 1", "line 2", "line 3", "line 4", "line 5");
        assertThat(ada.peer().messages(ServerMessage.Error.class)).extracting(ServerMessage.Error::code)
                .containsExactly("chat_rate_limited", "chat_rate_limited");
        assertThat(ada.last(ServerMessage.Chat.class).text()).isEqualTo("bob is not limited by Ada");
        clock.addAndGet(1_000);
        world.receive(ada.connection(), new ClientMessage.Chat("a second later"));
        world.receive(ada.connection(), new ClientMessage.Chat("too soon"));
        world.tick();
        assertThat(bob.last(ServerMessage.Chat.class).text()).isEqualTo("a second later");
        assertThat(ada.peer().messages(ServerMessage.Error.class)).hasSize(3);
    }

    @Test
    void aScreenWithoutALinkGetsItsCodeButNoJoinUrl() {
        Client screen = arena.join(new ClientMessage.Join(null, null, null, "screen", null));
        ServerMessage.Party party = screen.last(ServerMessage.Party.class);
        assertThat(party.code()).hasSize(5);
        assertThat(party.joinUrl()).isNull();
        assertThat(party.qr()).isNull();
    }
}
