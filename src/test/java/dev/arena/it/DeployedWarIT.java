package dev.arena.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.CloseCodes;
import dev.arena.protocol.ServerMessage;
import dev.arena.support.Attacks;
import dev.arena.support.GameClient;
import dev.arena.support.NetworkAddresses;
import dev.arena.support.Qr;
import dev.arena.support.RawWebSocket;
import dev.arena.support.DeflateOffer;
import dev.arena.support.RawHandshake;
import dev.arena.support.TargetServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.bind.JsonbBuilder;
import java.io.File;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged WAR on a real server (Payara Micro, WildFly or Tomcat: one Failsafe execution each), black-box over
 * HTTP and WebSocket on loopback.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeployedWarIT {
    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("arena.war")));
    }

    @ArquillianResource
    URL base;

    @Test
    void pageAndScriptsLoadUnderTheContextPath() throws Exception {
        assertThat(base.getPath()).isEqualTo("/arena/");
        String[][] expected = {
            {"", "text/html", "<canvas"},
            {"js/main.js", "javascript", "import"},
            {"js/protocol.js", "javascript", "export const MessageType"},
            {"js/net.js", "javascript", "export function gameUrl"},
            {"css/game.css", "text/css", "{"},
            {"screen.html", "text/html", "js/screen.js"},
            {"controller.html", "text/html", "js/controller.js"},
            {"js/qr.js", "javascript", "export function drawQr"},
            {"js/joinlink.js", "javascript", "export function joinChoices"},
        };
        for (String[] e : expected) {
            HttpResponse<String> r = TargetServer.get(base.toURI().resolve(e[0]));
            assertThat(r.statusCode()).as(e[0]).isEqualTo(200);
            assertThat(r.headers().firstValue("content-type")).as(e[0]).get().asString().contains(e[1]);
            assertThat(r.body()).as(e[0]).contains(e[2]);
        }
    }

    @Test
    void aPageOnThisMachineGetsItsNetworkAddressesUnderTheContextPath() throws Exception {
        // what a party screen opened at localhost asks for (screen.js: GET addresses, next to the page)
        HttpResponse<String> r = TargetServer.get(base.toURI().resolve("addresses"));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject body = JsonbBuilder.create().fromJson(r.body(), JsonObject.class);
        List<String> listed = body.getJsonArray("addresses").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
        // The test servers run with java.net.preferIPv4Stack=true (arquillian.xml): they see, and listen on, no
        // IPv6 interface address. So: every IPv4 address of this machine, and nothing that is not one of its own.
        assertThat(listed).containsAll(NetworkAddresses.expected().stream().filter(a -> !a.startsWith("[")).toList());
        assertThat(NetworkAddresses.expected()).containsAll(listed);
    }

    @Test
    void healthShowsTheWiringInUse() throws Exception {
        HttpResponse<String> r = TargetServer.get(base.toURI().resolve("health"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject health = JsonbBuilder.create().fromJson(r.body(), JsonObject.class);
        JsonObject game = health.getJsonObject("game");
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(game.getBoolean("ticking")).isTrue();
        if (TargetServer.isFullPlatform()) {
            // the GameWorld is the CDI bean, and the tick runs on a thread of the container's ManagedThreadFactory
            assertThat(health.getBoolean("cdi")).as(r.body()).isTrue();
            assertThat(game.getString("tickExecutor")).as(r.body()).isEqualTo("managed");
            assertThat(game.getString("tickThread")).as(r.body()).isNotEqualTo("arena-tick");
        } else {
            // Tomcat: no CDI, no Jakarta Concurrency: Arena's own world and tick thread
            assertThat(health.getBoolean("cdi")).as(r.body()).isFalse();
            assertThat(game.getString("tickExecutor")).as(r.body()).isEqualTo("plain");
            assertThat(game.getString("tickThread")).as(r.body()).isEqualTo("arena-tick");
        }
        assertThat(health.getString("server").toLowerCase()).contains(switch (TargetServer.name()) {
            case "payara" -> "payara";
            case "wildfly" -> "wildfly";
            default -> "tomcat";
        });
    }

    /** Compression is refused on every server alike (Tomcat would negotiate it): docs/benchmarks.md, "Compression". */
    @Test
    void permessageDeflateOfferedAsByABrowserIsNotNegotiated() throws Exception {
        List<String> response = DeflateOffer.offerDeflate(TargetServer.gameUri(base));
        assertThat(response.get(0)).as(response.toString()).startsWith("HTTP/1.1 101"); // Tomcat sends no reason phrase
        assertThat(DeflateOffer.extensions(response)).as(response.toString()).noneMatch(e -> e.contains("deflate"));
    }

    @Test
    void metricsAreServedAsPrometheusText() throws Exception {
        HttpResponse<String> r = TargetServer.get(base.toURI().resolve("metrics"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).get().asString().startsWith("text/plain");
        assertThat(r.body()).contains("arena_tick_seconds_count").contains("arena_connections");
    }

    @Test
    void twoPlayersJoinOneRoomSeeEachOtherAndInputMovesAPlayer() throws Exception {
        URI game = TargetServer.gameUri(base);
        try (GameClient ada = GameClient.join(game, "Ada", "deployed");
                GameClient bob = GameClient.join(game, "Bob", "deployed")) {
            assertThat(ada.await(ServerMessage.PlayerJoined.class).player().name()).isEqualTo("Bob");
            assertThat(bob.welcome().players()).extracting(ServerMessage.PlayerInfo::name).contains("Ada", "Bob");
            ServerMessage.PlayerInfo start = bob.welcome().players().stream()
                    .filter(p -> p.id() == bob.id()).findFirst().orElseThrow();
            long seq = bob.hold(start.x() > 250 ? -1 : 1, 0);
            ServerMessage.Snapshot moved = ada.await(ServerMessage.Snapshot.class, s -> s.players().stream()
                    .anyMatch(p -> p.id() == bob.id() && p.seq() == seq && p.x() != start.x()), Duration.ofSeconds(5));
            assertThat(moved.players()).hasSize(2);
        }
    }

    @Test
    void aScreenGetsAPartyRoomWithAQrCodeUnderTheContextPathAndAPhoneJoinsIt() throws Exception {
        URI game = TargetServer.gameUri(base);
        String link = base.toURI().resolve("controller.html").toString();
        try (GameClient screen = GameClient.joinAs(game, "screen", null, null, link)) {
            ServerMessage.Party party = screen.await(ServerMessage.Party.class);
            assertThat(party.joinUrl()).isEqualTo(link + "?room=" + party.code()).contains("/arena/controller.html");
            assertThat(Qr.decodeRows(party.qr())).isEqualTo(party.joinUrl()); // ZXing runs inside the WAR
            try (GameClient phone = GameClient.joinAs(game, "controller", "Ada", party.code(), null)) {
                assertThat(screen.await(ServerMessage.PlayerJoined.class).player().name()).isEqualTo("Ada");
                phone.hold(1, 0);
                assertThat(phone.await(ServerMessage.Self.class, s -> s.seq() == 1, Duration.ofSeconds(5)).seq())
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void snapshotsArriveAtTheTickRate() throws Exception {
        try (GameClient c = GameClient.join(TargetServer.gameUri(base), "counter", "rate")) {
            int tickRate = c.welcome().tickRate();
            // let a freshly deployed server settle first (JIT, class loading)
            long settle = System.nanoTime();
            while (System.nanoTime() - settle < 2_000_000_000L) {
                c.await(ServerMessage.Snapshot.class);
            }
            long missedBefore = missedTicks();
            ServerMessage.Snapshot first = c.await(ServerMessage.Snapshot.class);
            long start = System.nanoTime();
            ServerMessage.Snapshot last = first;
            int received = 0;
            while (System.nanoTime() - start < 4_000_000_000L) {
                last = c.await(ServerMessage.Snapshot.class);
                received++;
            }
            // the rate on the server's clock (each snapshot's time): how late a frame reached this client on a busy
            // machine does not count
            double seconds = (last.time() - first.time()) / 1e3;
            long ticks = last.tick() - first.tick();
            // a tick that ends late skips the due times it missed (never runs them back to back) and counts them:
            // ticks run plus ticks missed keep the rate, whatever else runs on this machine
            long missed = missedTicks() - missedBefore;
            assertThat((ticks + missed) / seconds).as("ticks per second, %d missed", missed)
                    .isBetween(tickRate * 0.9, tickRate * 1.1);
            assertThat(ticks / seconds).as("ticks per second").isLessThanOrEqualTo(tickRate * 1.1);
            assertThat(received).as("snapshots received of " + ticks + " ticks").isGreaterThanOrEqualTo((int) (ticks * 0.9));
        }
    }

    /** {@code arena_tick_missed_total} from the server's {@code /metrics}. */
    private long missedTicks() throws Exception {
        String body = TargetServer.get(base.toURI().resolve("metrics")).body();
        for (String line : body.split("\n")) {
            if (line.startsWith("arena_tick_missed_total ")) {
                return (long) Double.parseDouble(line.substring(line.indexOf(' ') + 1).trim());
            }
        }
        throw new AssertionError("no arena_tick_missed_total in /metrics");
    }

    @Test
    void badInputGetsItsDocumentedErrorAndTheConnectionStaysOpen() throws Exception {
        try (GameClient c = GameClient.join(TargetServer.gameUri(base), "bad", "errors")) {
            c.sendRaw("{\"type\":\"input\",\"seq\":1,\"dx\":7,\"dy\":0}");
            ServerMessage.Error error = c.await(ServerMessage.Error.class);
            assertThat(error.code()).isEqualTo("invalid_field");
            assertThat(error.message()).isEqualTo("'input.dx' must be -1, 0 or 1");
            c.send(new ClientMessage.Ping(3.0));
            assertThat(c.await(ServerMessage.Pong.class).t()).isEqualTo(3.0);
        }
    }

    /**
     * Issue 12 on the app servers: input the parser refuses is an error, a binary frame closes with 1003, no frame
     * of any kind gets a 1011, the server's log grows by little (WildFly's and Tomcat's log files are measured;
     * Payara Micro logs to its console), and an honest player plays on.
     */
    @Test
    void hostileInputGetsItsDocumentedAnswerNeverA1011AndBarelyTouchesTheLog() throws Exception {
        URI game = TargetServer.gameUri(base);
        try (RawWebSocket c = new RawWebSocket(game)) {
            c.sendText(Attacks.JOIN);
            assertThat(c.nextTextWith("\"welcome\"", 5000)).isNotNull();
            c.sendText(Attacks.DEEP);
            assertThat(c.nextTextWith("\"error\"", 5000)).contains("\"code\":\"malformed_json\"");
            c.sendText(Attacks.LONG_NUMBER);
            assertThat(c.nextTextWith("\"error\"", 5000)).contains("\"code\":\"malformed_json\"");
            c.sendBinary(new byte[] {1, 2, 3});
            assertThat(c.awaitClose(5000)).isEqualTo(1003);
        }
        long logBefore = logBytes();
        Map<String, Integer> closes = new TreeMap<>();
        long start = System.nanoTime();
        for (Attacks.Attack attack : Attacks.all()) {
            closes.merge(attack.name() + "->" + attack.run(game, null), 1, Integer::sum);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(500); // let the server write what it writes
        long logged = logBytes() - logBefore;
        System.out.printf("%s: hostile frames %s in %.1f s, %d bytes of log%n", TargetServer.name(), closes, seconds,
                logged);
        assertThat(closes.keySet()).noneMatch(k -> k.endsWith("->1011"));
        // before issue 12, one nesting frame cost a 1011 and 75 kB of stack trace on Tyrus
        assertThat(logged).as("log bytes written by %d hostile connections", closes.size()).isLessThan(32_768);
        try (GameClient honest = GameClient.join(game, "honest", "after-attacks")) {
            honest.await(ServerMessage.Snapshot.class);
        }
    }

    /**
     * One address that makes rooms and drops its connections holds at most arena.maxRoomsPerAddress of them. Where
     * the container does not tell the remote address ({@code arena_addresses} stays 0 with a connection open), rooms
     * are not limited per address (docs/security.md, Reservations): then all 20 are made.
     */
    @Test
    void oneAddressThatMakesRoomsAndDropsHoldsOnlyItsShareWhereTheAddressIsKnown() throws Exception {
        URI game = TargetServer.gameUri(base);
        InetAddress from = InetAddress.getByName("127.0.0.60");
        boolean addressKnown;
        try (RawWebSocket probe = new RawWebSocket(game, from)) {
            String metrics = TargetServer.get(base.toURI().resolve("metrics")).body();
            addressKnown = metrics.lines().anyMatch(l -> l.startsWith("arena_addresses ") && !l.endsWith(" 0.0"));
        }
        int made = 0;
        String refusal = null;
        for (int i = 0; i < 20 && refusal == null; i++) {
            RawWebSocket c = new RawWebSocket(game, from);
            c.sendText("{\"type\":\"join\",\"name\":\"h\",\"room\":\"hoard" + i + "\"}");
            String answer = c.nextText(5000);
            if (answer != null && answer.startsWith("{\"type\":\"welcome\"")) {
                made++;
                c.drop(); // away for the grace period, holding its room
            } else {
                refusal = answer;
                c.close();
            }
        }
        System.out.printf("%s: remote address %s; one address made %d rooms, then %s%n", TargetServer.name(),
                addressKnown ? "known" : "unknown", made, refusal);
        if (addressKnown) {
            assertThat(made).isEqualTo(16);
            assertThat(refusal).contains("\"code\":\"too_many_rooms\"");
        } else {
            assertThat(made).isEqualTo(20);
        }
    }

    /** Reconnecting does not reset an address's code guesses; unknown addresses share one budget. */
    @Test
    void codeGuessesBelongToTheAddressNotTheConnection() throws Exception {
        URI game = TargetServer.gameUri(base);
        InetAddress from = InetAddress.getByName("127.0.0.61");
        List<String> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            try (RawWebSocket c = new RawWebSocket(game, from)) {
                StringBuilder code = new StringBuilder();
                for (int k = 0; k < 5; k++) {
                    code.append("BCDFGHJKMNPQRSTWXZ".charAt(ThreadLocalRandom.current().nextInt(18)));
                }
                c.sendText("{\"type\":\"join\",\"role\":\"controller\",\"room\":\"" + code + "\"}");
                String answer = c.nextTextWith("\"error\"", 5000);
                answers.add(answer == null ? "none" : answer.replaceAll(".*\"code\":\"([a-z_]+)\".*", "$1"));
            }
        }
        System.out.printf("%s: code guesses on new connections: %s%n", TargetServer.name(), answers);
        assertThat(answers.subList(0, 10)).containsOnly("unknown_room");
        assertThat(answers.get(11)).isEqualTo("too_many_guesses");
        Thread.sleep(1500); // the wait after the 11th miss is over: the other tests' lookups are not refused
    }

    /** Bytes in the server's log files (WildFly, Tomcat); 0 where the test does not know them (Payara Micro). */
    private static long logBytes() throws Exception {
        long sum = 0;
        for (Path f : TargetServer.logFiles()) {
            sum += Files.size(f);
        }
        return sum;
    }

    @Test
    void connection33FromOneAddressIsClosedWith4005() throws Exception {
        URI game = TargetServer.gameUri(base);
        // an address of its own, so that connections other tests leave behind (a dropped socket the container has
        // not noticed yet) do not count: the limit is per address
        InetAddress from = InetAddress.getByName("127.0.0.70");
        List<RawWebSocket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 32; i++) { // the default limit: 32
                RawWebSocket c = new RawWebSocket(game, from);
                clients.add(c);
                c.sendText("{\"type\":\"join\",\"name\":\"c" + i + "\",\"room\":\"per-address\"}");
                assertThat(c.nextTextWith("\"welcome\"", 5000)).as("connection %d from one address", i + 1)
                        .isNotNull();
            }
            RawWebSocket extra = new RawWebSocket(game, from);
            clients.add(extra);
            assertThat(extra.awaitClose(5000)).as("connection 33 from one address")
                    .isEqualTo(CloseCodes.TOO_MANY_CONNECTIONS);
            clients.get(0).sendText("{\"type\":\"ping\",\"t\":1}");
            assertThat(clients.get(0).nextTextWith("\"pong\"", 5000)).as("the first 32 play on").isNotNull();
        } finally {
            for (RawWebSocket c : clients) {
                c.close();
            }
        }
        // admitted again once the others are gone (the container may take a moment to see the closes)
        String welcome = null;
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (welcome == null && System.nanoTime() < until) {
            try (RawWebSocket after = new RawWebSocket(game, from)) {
                after.sendText("{\"type\":\"join\",\"name\":\"after\",\"room\":\"per-address\"}");
                welcome = after.nextTextWith("\"welcome\"", 2000);
            }
        }
        assertThat(welcome).as("a join from that address once its connections are closed").isNotNull();
    }

    @Test
    void refusedHandshakesGetAPlainAnswerWithoutUpgradeHeadersAndAreClosed() throws Exception {
        URI game = TargetServer.gameUri(base);
        String key = Base64.getEncoder().encodeToString(new byte[16]);
        String[][] cases = {
            {key, "http://evil.example", "HTTP/1.1 403 "},
            {"", null, "HTTP/1.1 400 "},
            {"abc", null, "HTTP/1.1 400 "},
            {Base64.getEncoder().encodeToString(new byte[15]), null, "HTTP/1.1 400 "},
        };
        for (String[] c : cases) {
            try (RawHandshake r = RawHandshake.send(game, c[0], c[1])) {
                String what = "key '" + c[0] + "', origin " + c[1];
                assertThat(r.statusLine()).as(what).startsWith(c[2]);
                assertThat(r.headers()).as(what).doesNotContainKeys("upgrade", "sec-websocket-accept");
                assertThat(r.endsWithin(3000)).as("closed after the answer: " + what).isTrue();
            }
        }
        try (RawHandshake ok = RawHandshake.send(game, key, null)) {
            assertThat(ok.statusLine()).startsWith("HTTP/1.1 101");
        }
    }

    /**
     * RFC 6455, 5.1: the server must close the connection on an unmasked client frame. Undertow and Tomcat do (1002);
     * Payara's Tyrus answers it like any other frame, a documented difference (docs/security.md) that the WAR cannot
     * fix: the container parses frames before the application sees them.
     */
    @Test
    void anUnmaskedClientFrameIsRefusedWith1002ExceptOnPayara() throws Exception {
        try (RawHandshake raw = RawHandshake.send(TargetServer.gameUri(base),
                Base64.getEncoder().encodeToString(new byte[16]), null)) {
            assertThat(raw.statusLine()).startsWith("HTTP/1.1 101");
            byte[] ping = "{\"type\":\"ping\",\"t\":7}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] frame = new byte[2 + ping.length];
            frame[0] = (byte) 0x81;
            frame[1] = (byte) ping.length; // no mask bit
            System.arraycopy(ping, 0, frame, 2, ping.length);
            raw.writeBytes(frame);
            if (TargetServer.name().equals("payara")) {
                assertThat(raw.readCloseCode(5000)).isEqualTo(-1);
                assertThat(raw.otherFrame()).as("Tyrus answers the unmasked ping").contains("\"pong\"");
            } else {
                assertThat(raw.readCloseCode(5000)).as("close code on " + TargetServer.name()).isEqualTo(1002);
            }
        }
    }
}
