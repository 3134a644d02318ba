package dev.arena.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.dev.DevServer;
import dev.arena.server.ArenaConfig;
import dev.arena.support.RawWebSocket;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Reservations are resources and codes cannot be walked (issue 12), over real WebSockets on loopback, with clients
 * from many addresses (every 127.0.0.x is this machine), dev server only: honest load from many addresses still
 * reaches {@code too_many_rooms} and {@code room_full} (test-only settings: 40 rooms, 10 seats a room, 4 an
 * address), and guesses keep slowing down over a three-second walk (a fresh server, so that the walk starts from a
 * full budget). One address's share of rooms and its guess budget by count hold on every target:
 * {@code it/scenario/EdgeScenarios}.
 */
class AddressQuotaIT {
    private static final String CODE_LETTERS = "BCDFGHJKMNPQRSTWXZ";

    private static InetAddress loopback(int last) throws Exception {
        return InetAddress.getByName("127.0.0." + last);
    }

    /** Opens a connection from {@code from}, sends a join, and returns the client and its first answer. */
    private static Answer join(URI uri, InetAddress from, String json) throws Exception {
        RawWebSocket c = new RawWebSocket(uri, from);
        c.sendText(json);
        String answer = c.nextText(3000);
        return new Answer(c, answer == null ? "(none)" : answer);
    }

    private record Answer(RawWebSocket client, String text) {
        boolean welcomed() {
            return text.startsWith("{\"type\":\"welcome\"");
        }

        boolean error(String code) {
            return text.contains("\"type\":\"error\"") && text.contains("\"code\":\"" + code + "\"");
        }
    }

    private static String player(String room) {
        return "{\"type\":\"join\",\"name\":\"p\",\"room\":\"" + room + "\"}";
    }

    private static String controller(String code) {
        return "{\"type\":\"join\",\"name\":\"p\",\"role\":\"controller\",\"room\":\"" + code + "\"}";
    }

    private static String randomCode() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            s.append(CODE_LETTERS.charAt(ThreadLocalRandom.current().nextInt(CODE_LETTERS.length())));
        }
        return s.toString();
    }

    @Test
    void reconnectingDoesNotResetTheCodeGuessBudgetOfAnAddress() throws Exception {
        try (DevServer server = DevServer.startForTests(ArenaConfig.DEFAULT)) {
            InetAddress guesser = loopback(30);
            int unknown = 0;
            int limited = 0;
            long start = System.nanoTime();
            long end = start + 3_000_000_000L;
            while (System.nanoTime() < end) { // a new connection for every code, as fast as it goes
                Answer a = join(server.gameUri(), guesser, controller(randomCode()));
                a.client().close();
                if (a.error("unknown_room")) {
                    unknown++;
                } else if (a.error("too_many_guesses")) {
                    limited++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("code walking: %d codes looked up and %d refused in %.1f s from one address"
                    + " (%.1f codes a second)%n", unknown, limited, seconds, unknown / seconds);
            assertThat(limited).isGreaterThan(0);
            assertThat(unknown).isLessThanOrEqualTo(13); // 10 free, then after 1 s and 2 s
            Answer other = join(server.gameUri(), loopback(31), controller(randomCode()));
            assertThat(other.error("unknown_room")).as("another address: %s", other.text()).isTrue();
            other.client().close();
        }
    }

    @Test
    void honestLoadFromManyAddressesStillReachesTooManyRoomsAndRoomFull() throws Exception {
        List<RawWebSocket> open = new ArrayList<>();
        try (DevServer server = DevServer.startForTests(ArenaConfig.DEFAULT.withMaxRooms(40))) {
            int made = 0;
            Answer last = null;
            for (int i = 0; i < 60; i++) { // 16 rooms from each of .40, .41, then .42...
                last = join(server.gameUri(), loopback(40 + i / 16), player("room" + i));
                open.add(last.client());
                if (!last.welcomed()) {
                    break;
                }
                made++;
            }
            assertThat(made).isEqualTo(40);
            assertThat(last.text()).contains("\"code\":\"too_many_rooms\"").contains("the server has 40 rooms");
        }
        try (DevServer server = DevServer.startForTests(ArenaConfig.DEFAULT.withMaxPlayersPerRoom(10)
                .withAddressQuota(16, 20, 4))) {
            int seated = 0;
            Answer answer = null;
            for (int i = 0; i < 20; i++) { // 4 seats from each address, the 4th of them away
                answer = join(server.gameUri(), loopback(50 + i / 4), player("arena"));
                if (!answer.welcomed()) {
                    break;
                }
                seated++;
                if (i % 4 == 3) {
                    answer.client().drop(); // away: still its address's seat
                } else {
                    open.add(answer.client());
                }
            }
            assertThat(seated).isEqualTo(10);
            assertThat(answer.error("room_full")).as(answer.text()).isTrue();
            open.add(answer.client());
            Answer fifth = join(server.gameUri(), loopback(50), player("another"));
            open.add(fifth.client());
            assertThat(fifth.error("too_many_seats")).as("4 seats, one away: %s", fifth.text()).isTrue();
        } finally {
            for (RawWebSocket c : open) {
                c.close();
            }
        }
    }
}
