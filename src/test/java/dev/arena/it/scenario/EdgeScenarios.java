package dev.arena.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.support.RawHandshake;
import dev.arena.support.RawWebSocket;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The connection edge (issue 12), over raw sockets: refused handshakes, unmasked frames, and what one address may
 * hold and guess. The address scenarios each use an address of their own (127.0.0.6x): the limits are per address.
 */
public interface EdgeScenarios extends OnTarget {
    @Test
    default void refusedHandshakesGetAPlainAnswerWithoutUpgradeHeadersAndAreClosed() throws Exception {
        URI game = target().game();
        String key = Base64.getEncoder().encodeToString(new byte[16]);
        String[][] cases = {
            {key, "http://evil.example", "HTTP/1.1 403 "},
            {"", null, "HTTP/1.1 400 "},
            {"not base64!", null, "HTTP/1.1 400 "},
            {"abc", null, "HTTP/1.1 400 "},
            {Base64.getEncoder().encodeToString(new byte[15]), null, "HTTP/1.1 400 "},
            {null, null, "HTTP/1.1 400 "},
        };
        for (String[] c : cases) {
            try (RawHandshake r = RawHandshake.send(game, c[0], c[1])) {
                String what = "key '" + c[0] + "', origin " + c[1];
                // the reason phrase differs (Tomcat sends none); the code does not
                assertThat(r.statusLine() + " ").as(what).startsWith(c[2]);
                assertThat(r.headers()).as(what).doesNotContainKeys("upgrade", "sec-websocket-accept");
                assertThat(r.endsWithin(3000)).as("closed after the answer: " + what).isTrue();
            }
        }
        try (RawHandshake ok = RawHandshake.send(game, key, null)) {
            assertThat(ok.statusLine()).startsWith("HTTP/1.1 101");
        }
    }

    /**
     * RFC 6455, 5.1: the server must close the connection on an unmasked client frame. The dev server (its own check,
     * dev/MaskCheck), Undertow and Tomcat do (1002); Payara's Tyrus answers it like any other frame, a documented
     * difference (docs/security.md) that the WAR cannot fix: the container parses frames before the application sees
     * them.
     */
    @Test
    default void anUnmaskedClientFrameIsRefusedWith1002ExceptOnPayara() throws Exception {
        try (RawHandshake raw = RawHandshake.send(target().game(), Base64.getEncoder().encodeToString(new byte[16]),
                null)) {
            assertThat(raw.statusLine()).startsWith("HTTP/1.1 101");
            byte[] ping = "{\"type\":\"ping\",\"t\":7}".getBytes(StandardCharsets.UTF_8);
            byte[] frame = new byte[2 + ping.length];
            frame[0] = (byte) 0x81;
            frame[1] = (byte) ping.length; // no mask bit
            System.arraycopy(ping, 0, frame, 2, ping.length);
            raw.writeBytes(frame);
            if (target().name().equals("payara")) {
                assertThat(raw.readCloseCode(5000)).isEqualTo(-1);
                assertThat(raw.otherFrame()).as("Tyrus answers the unmasked ping").contains("\"pong\"");
            } else {
                assertThat(raw.readCloseCode(5000)).as("close code, without a pong before it, on " + target().name())
                        .isEqualTo(1002);
                assertThat(raw.endsWithin(3000)).isTrue();
            }
        }
    }

    /**
     * One address that makes rooms and drops its connections (the players stay away for the grace period, holding
     * their rooms) holds at most arena.maxRoomsPerAddress (16) of them; another address still makes its own. Where the
     * container did not tell the remote address ({@code arena_addresses} stays 0 with a connection open), rooms would
     * not be limited per address (docs/security.md, Reservations): every target here tells it (HandshakeFilter in the
     * WAR), and the scenario says which it saw.
     */
    @Test
    default void oneAddressThatMakesRoomsAndDropsHoldsOnlyItsShareWhereTheAddressIsKnown() throws Exception {
        URI game = target().game();
        InetAddress from = InetAddress.getByName("127.0.0.60");
        boolean addressKnown = false;
        try (RawWebSocket probe = new RawWebSocket(game, from)) {
            // once the pong is back the server has the connection; its address counts from then on (WildFly's
            // /metrics read 0 when asked straight after the handshake)
            probe.sendText("{\"type\":\"ping\",\"t\":1}");
            assertThat(probe.nextTextWith("\"pong\"", 5000)).isNotNull();
            long until = System.nanoTime() + 2_000_000_000L;
            while (!addressKnown && System.nanoTime() < until) {
                addressKnown = target().metric("arena_addresses") > 0;
                if (!addressKnown) {
                    Thread.sleep(50);
                }
            }
        }
        int made = 0;
        String refusal = null;
        for (int i = 0; i < 20 && refusal == null; i++) {
            RawWebSocket c = new RawWebSocket(game, from);
            c.sendText("{\"type\":\"join\",\"name\":\"h\",\"room\":\"" + room("hoard") + "\"}");
            String answer = c.nextText(5000);
            if (answer != null && answer.startsWith("{\"type\":\"welcome\"")) {
                made++;
                c.drop(); // away for the grace period, holding its room
            } else {
                refusal = answer;
                c.close();
            }
        }
        System.out.printf("%s: remote address %s; one address made %d rooms, then %s%n", target().name(),
                addressKnown ? "known" : "unknown", made, refusal);
        if (addressKnown) {
            assertThat(made).isEqualTo(16);
            assertThat(refusal).contains("\"code\":\"too_many_rooms\"").contains("your address");
        } else {
            assertThat(made).isEqualTo(20);
        }
        try (RawWebSocket newcomer = new RawWebSocket(game, InetAddress.getByName("127.0.0.63"))) {
            newcomer.sendText("{\"type\":\"join\",\"name\":\"n\",\"room\":\"" + room("mine") + "\"}");
            assertThat(newcomer.nextTextWith("\"welcome\"", 5000)).as("another address makes its room").isNotNull();
        }
    }

    /**
     * Reconnecting does not reset an address's code guesses (10 free misses, then waits; docs/security.md, "Codes
     * cannot be walked"), and another address is not affected.
     */
    @Test
    default void codeGuessesBelongToTheAddressNotTheConnection() throws Exception {
        URI game = target().game();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(guess(game, InetAddress.getByName("127.0.0.61")));
        }
        System.out.printf("%s: code guesses on new connections: %s%n", target().name(), answers);
        assertThat(answers.subList(0, 10)).containsOnly("unknown_room");
        assertThat(answers.get(11)).isEqualTo("too_many_guesses");
        // another address has its own budget (were the addresses not told apart, it would wait too, and so would
        // every other scenario's lookup)
        assertThat(guess(game, InetAddress.getByName("127.0.0.64"))).as("another address").isEqualTo("unknown_room");
    }

    /** A controller's join with a random code from {@code from} on a new connection: the error code it gets. */
    private static String guess(URI game, InetAddress from) throws Exception {
        try (RawWebSocket c = new RawWebSocket(game, from)) {
            StringBuilder code = new StringBuilder();
            for (int k = 0; k < 5; k++) {
                code.append("BCDFGHJKMNPQRSTWXZ".charAt(ThreadLocalRandom.current().nextInt(18)));
            }
            c.sendText("{\"type\":\"join\",\"role\":\"controller\",\"room\":\"" + code + "\"}");
            String answer = c.nextTextWith("\"error\"", 5000);
            return answer == null ? "none" : answer.replaceAll(".*\"code\":\"([a-z_]+)\".*", "$1");
        }
    }
}
