package dev.arena.bench;

import dev.arena.support.RawHandshake;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Measures what a running server does at the connection edge, for the per-server table in docs/security.md:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.arena.bench.EdgeProbe
 * -Dexec.args="ws://127.0.0.1:8080/game"} (loopback only). Each line: what was sent, what came back, and when the
 * server ended the connection (or that it had not after the probe's limit).
 */
public final class EdgeProbe {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[16]);

    private EdgeProbe() {}

    public static void main(String[] args) throws Exception {
        URI game = URI.create(args.length > 0 ? args[0] : "ws://127.0.0.1:8080/game");
        long limit = Long.getLong("probe.seconds", 70);
        if (!game.getHost().equals("127.0.0.1") && !game.getHost().equals("localhost")) {
            throw new IllegalArgumentException("loopback only: " + game);
        }
        refused(game, KEY, "http://evil.example", "foreign origin");
        refused(game, "", null, "empty key");
        refused(game, "abc", null, "garbage key");
        unmasked(game);
        closedByServer(game);
        idleKeepAlive(game, limit);
        // a request head that never ends (slowloris), and an upgraded connection that sends nothing
        try (RawHandshake slow = RawHandshake.open(game, null)) {
            String head = RawHandshake.request(game, KEY, null);
            slow.write(head.substring(0, head.length() - 4));
            long t0 = System.nanoTime();
            boolean ended = slow.endsWithin(limit * 1000);
            System.out.printf("unfinished handshake: %s%n", ended
                    ? String.format("cut after %.1f s", (System.nanoTime() - t0) / 1e9) : "open after " + limit + " s");
        }
    }

    /** Connection 33 from one address gets 4005; the client never answers the close: when is the socket gone? */
    private static void closedByServer(URI game) throws IOException {
        java.util.List<RawHandshake> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 33; i++) {
                RawHandshake h = RawHandshake.send(game, KEY, null);
                open.add(h);
                if (!h.statusLine().startsWith("HTTP/1.1 101")) {
                    System.out.println("connection " + (i + 1) + ": " + h.statusLine());
                    return;
                }
            }
            RawHandshake last = open.get(32);
            int code = last.readCloseCode(5000);
            long t0 = System.nanoTime();
            boolean ended = last.endsWithin(40_000);
            System.out.printf("connection 33: close %d; the client does not answer the close: %s%n", code, ended
                    ? String.format("socket ended after %.1f s", (System.nanoTime() - t0) / 1e9) : "open after 40 s");
        } finally {
            for (RawHandshake h : open) {
                h.close();
            }
        }
    }

    /** A plain HTTP request on a keep-alive connection, then nothing: when does the server close it? */
    private static void idleKeepAlive(URI game, long limit) throws IOException {
        try (RawHandshake h = RawHandshake.open(game, null)) {
            String path = game.getPath().replaceFirst("game$", "health");
            h.write("GET " + path + " HTTP/1.1\r\nHost: " + game.getHost() + ":" + game.getPort() + "\r\n\r\n");
            h.readHead(5000);
            long t0 = System.nanoTime();
            boolean ended = h.endsWithin(limit * 1000);
            System.out.printf("idle keep-alive HTTP connection (%s): %s%n", h.statusLine(), ended
                    ? String.format("closed after %.1f s", (System.nanoTime() - t0) / 1e9) : "open after " + limit + " s");
        }
    }

    private static void refused(URI game, String key, String origin, String what) throws IOException {
        try (RawHandshake r = RawHandshake.send(game, key, origin)) {
            long t0 = System.nanoTime();
            boolean ended = r.endsWithin(5000);
            System.out.printf("%s: %s; upgrade headers: %s; %s%n", what, r.statusLine(),
                    r.headers().containsKey("upgrade") || r.headers().containsKey("sec-websocket-accept"),
                    ended ? String.format("closed after %.2f s", (System.nanoTime() - t0) / 1e9) : "open after 5 s");
        } catch (IOException e) {
            System.out.printf("%s: %s%n", what, e);
        }
    }

    /** An unmasked text frame (RFC 6455, 5.1: the server must close the connection) holding a ping. */
    private static void unmasked(URI game) throws IOException {
        try (Socket s = new Socket(game.getHost(), game.getPort())) {
            s.getOutputStream().write(RawHandshake.request(game, KEY, null).getBytes(StandardCharsets.US_ASCII));
            DataInputStream in = new DataInputStream(s.getInputStream());
            s.setSoTimeout(5000);
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) in.readUnsignedByte());
            }
            byte[] payload = "{\"type\":\"ping\",\"t\":7}".getBytes(StandardCharsets.UTF_8);
            byte[] frame = new byte[2 + payload.length];
            frame[0] = (byte) 0x81;
            frame[1] = (byte) payload.length; // mask bit not set
            System.arraycopy(payload, 0, frame, 2, payload.length);
            s.getOutputStream().write(frame);
            String answer = "nothing";
            try {
                while (true) {
                    int b0 = in.readUnsignedByte();
                    int len = in.readUnsignedByte() & 0x7f;
                    len = len == 126 ? in.readUnsignedShort() : len;
                    byte[] p = in.readNBytes(len);
                    if ((b0 & 0x0f) == 0x8) {
                        answer = "close " + (p.length >= 2 ? ((p[0] & 0xff) << 8 | (p[1] & 0xff)) : 1005);
                        break;
                    }
                    String text = new String(p, StandardCharsets.UTF_8);
                    if (text.contains("pong")) {
                        answer = "answered: " + text;
                        break;
                    }
                }
            } catch (SocketTimeoutException e) {
                answer = "no answer in 5 s";
            } catch (IOException e) {
                answer = "connection ended: " + e.getMessage();
            }
            System.out.println("unmasked client frame: " + answer);
        }
    }
}
