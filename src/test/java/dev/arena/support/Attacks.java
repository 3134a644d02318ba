package dev.arena.support;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a hostile client sends (issue 12), one kind per {@link Attack}: input Parsson refuses (nesting, 4,000-digit
 * numbers), binary frames, frames that break RFC 6455, floods, garbage bytes, dropped connections. Used by
 * {@code HostileClientIT} (the log stays small), {@code DeployedWarIT} (the same on the app servers) and the memory
 * check ({@code load/MemoryCheck}).
 */
public final class Attacks {
    /** Deep nesting within the frame limit: Parsson throws a plain RuntimeException past 1000 levels. */
    public static final String DEEP = "{\"type\":\"join\",\"name\":" + "[".repeat(2000) + "]".repeat(2000) + "}";
    /** A number of 4,000 digits: Parsson refuses more than 1100 BigDecimal characters. */
    public static final String LONG_NUMBER =
            "{\"type\":\"input\",\"seq\":" + "9".repeat(4000) + ",\"dx\":0,\"dy\":0}";
    public static final String JOIN = "{\"type\":\"join\",\"name\":\"h\",\"room\":\"r\"}";

    private Attacks() {}

    /** One kind of hostile connection: opens, joins, sends its frames, returns the close code it got (-1: none). */
    public record Attack(String name, Sender sender) {
        public int run(URI uri, InetAddress from) throws Exception {
            try (RawWebSocket c = new RawWebSocket(uri, from)) {
                c.sendText(JOIN);
                try {
                    sender.send(c);
                } catch (java.io.IOException e) {
                    return -2; // the server closed while we sent: fine
                }
                return c.isClosed() ? -4 : c.awaitClose(150);
            } catch (java.io.IOException e) {
                return -3; // refused (too many connections from this address while the last ones close)
            }
        }
    }

    public interface Sender {
        void send(RawWebSocket c) throws Exception;
    }

    public static List<Attack> all() {
        List<Attack> list = new ArrayList<>();
        list.add(new Attack("nesting", c -> {
            for (int i = 0; i < 25; i++) {
                c.sendText(DEEP);
            }
        }));
        list.add(new Attack("digits", c -> {
            for (int i = 0; i < 25; i++) {
                c.sendText(LONG_NUMBER);
            }
        }));
        list.add(new Attack("binary", c -> c.sendBinary(new byte[300])));
        list.add(new Attack("bad-utf8", c -> c.send(true, RawWebSocket.TEXT, new byte[] {'{', (byte) 0xC3, 0x28}, true)));
        list.add(new Attack("oversize", c -> c.sendText("x".repeat(5000))));
        list.add(new Attack("oversize-binary", c -> c.sendBinary(new byte[70_000])));
        list.add(new Attack("continuation", c -> c.send(true, 0x0, "x".getBytes(StandardCharsets.UTF_8), true)));
        list.add(new Attack("opcode-3", c -> c.send(true, 0x3, new byte[4], true)));
        list.add(new Attack("rsv1", c -> c.sendHeaderByte(0xC1, "{}".getBytes(StandardCharsets.UTF_8), true)));
        list.add(new Attack("big-ping", c -> c.send(true, RawWebSocket.PING, new byte[200], true)));
        list.add(new Attack("fragmented-ping", c -> c.send(false, RawWebSocket.PING, new byte[2], true)));
        list.add(new Attack("interleaved", c -> {
            c.send(false, RawWebSocket.TEXT, "{\"type\"".getBytes(StandardCharsets.UTF_8), true);
            c.send(true, RawWebSocket.TEXT, ":\"ping\"}".getBytes(StandardCharsets.UTF_8), true);
        }));
        list.add(new Attack("close-999", c -> c.send(true, RawWebSocket.CLOSE, new byte[] {0x03, (byte) 0xE7}, true)));
        list.add(new Attack("close-bad-utf8",
                c -> c.send(true, RawWebSocket.CLOSE, new byte[] {0x03, (byte) 0xE8, (byte) 0xC3, 0x28}, true)));
        list.add(new Attack("garbage", c -> {
            byte[] junk = new byte[512];
            ThreadLocalRandom.current().nextBytes(junk);
            c.sendRaw(junk);
        }));
        list.add(new Attack("text-flood", c -> {
            for (int i = 0; i < 300; i++) {
                c.sendText("{\"type\":\"ping\",\"t\":1}");
            }
        }));
        list.add(new Attack("wrong-json", c -> {
            for (int i = 0; i < 25; i++) {
                c.sendText(i % 2 == 0 ? "{\"type\":\"input\",\"seq\":\"x\"}" : "[1,2");
            }
        }));
        list.add(new Attack("drop", RawWebSocket::drop));
        return list;
    }
}
