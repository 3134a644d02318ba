package dev.arena.support;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a plain socket that sends whatever frames it is told, well formed or not (any opcode, flags,
 * length, masked or not), from the local address it is given: tests of hostile clients, and of many addresses on
 * one machine (every 127.0.0.x is this machine's loopback on Linux, so a test can be many clients from many
 * addresses). It reads the server's frames only when asked.
 */
public final class RawWebSocket implements AutoCloseable {
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    /** Connects from any local address. */
    public RawWebSocket(URI gameUri) throws IOException {
        this(gameUri, null);
    }

    /** Connects from {@code local} (null: any), e.g. {@code 127.0.0.7}, and completes the handshake. */
    public RawWebSocket(URI gameUri, InetAddress local) throws IOException {
        socket = new Socket();
        if (local != null) {
            socket.bind(new InetSocketAddress(local, 0));
        }
        socket.connect(new InetSocketAddress(gameUri.getHost(), gameUri.getPort()), 3000);
        socket.setSoTimeout(5000);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        String request = "GET " + gameUri.getPath() + " HTTP/1.1\r\n"
                + "Host: " + gameUri.getHost() + ":" + gameUri.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream raw = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = raw.read();
            if (b < 0) {
                throw new IOException("handshake: connection closed after " + head);
            }
            head.append((char) b);
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            throw new IOException("handshake refused: " + head.toString().lines().findFirst().orElse(""));
        }
        in = new DataInputStream(new BufferedInputStream(raw));
    }

    /** A message frame or close frame as the server got it: opcode, payload. */
    public record Frame(int opcode, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The close code of a close frame (1005: none in it). */
        public int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        }
    }

    /** One masked text frame, FIN set. */
    public RawWebSocket sendText(String text) throws IOException {
        return send(true, TEXT, text.getBytes(StandardCharsets.UTF_8), true);
    }

    /** One masked binary frame, FIN set. */
    public RawWebSocket sendBinary(byte[] data) throws IOException {
        return send(true, BINARY, data, true);
    }

    /** Any frame: {@code fin}, {@code opcode} (4 bits), payload, masked or not (clients must mask: RFC 6455 5.1). */
    public RawWebSocket send(boolean fin, int opcode, byte[] payload, boolean masked) throws IOException {
        return sendHeaderByte((fin ? 0x80 : 0) | (opcode & 0x0f), payload, masked);
    }

    /** A frame whose first byte (FIN, RSV1-3, opcode) is exactly {@code first}. */
    public RawWebSocket sendHeaderByte(int first, byte[] payload, boolean masked) throws IOException {
        int n = payload.length;
        int lengthBytes = n < 126 ? 0 : n < 65_536 ? 2 : 8;
        byte[] frame = new byte[2 + lengthBytes + (masked ? 4 : 0) + n];
        frame[0] = (byte) first;
        int at = 2;
        if (lengthBytes == 0) {
            frame[1] = (byte) n;
        } else if (lengthBytes == 2) {
            frame[1] = 126;
            frame[at++] = (byte) (n >> 8);
            frame[at++] = (byte) n;
        } else {
            frame[1] = 127;
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame[at++] = (byte) ((long) n >> shift);
            }
        }
        byte[] mask = new byte[4];
        if (masked) {
            frame[1] |= (byte) 0x80;
            ThreadLocalRandom.current().nextBytes(mask);
            System.arraycopy(mask, 0, frame, at, 4);
            at += 4;
        }
        for (int i = 0; i < n; i++) {
            frame[at + i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        return sendRaw(frame);
    }

    /** Bytes as they are, after the handshake. */
    public RawWebSocket sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /**
     * The next frame from the server (pings answered with pongs, pongs skipped), or null when the connection ends or
     * nothing arrives for {@code timeoutMillis}.
     */
    public Frame next(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        try {
            while (true) {
                int b0 = in.readUnsignedByte();
                long length = in.readUnsignedByte() & 0x7f;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] payload = in.readNBytes((int) length);
                int opcode = b0 & 0x0f;
                if (opcode == PING) {
                    send(true, 0xA, payload, true);
                } else if (opcode != 0xA) {
                    return new Frame(opcode, payload);
                }
            }
        } catch (EOFException | SocketTimeoutException | SocketException e) {
            return null;
        }
    }

    /** The next text frame's text, skipping other frames, or null (closed, or nothing for {@code timeoutMillis}). */
    public String nextText(int timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        for (Frame f = next(timeoutMillis); f != null; f = next(remaining(deadline))) {
            if (f.opcode() == TEXT) {
                return f.text();
            }
            if (f.opcode() == CLOSE) {
                return null;
            }
        }
        return null;
    }

    /** The next text frame containing {@code part}, or null. */
    public String nextTextWith(String part, int timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        for (String t = nextText(timeoutMillis); t != null; t = nextText(remaining(deadline))) {
            if (t.contains(part)) {
                return t;
            }
        }
        return null;
    }

    /**
     * Reads until the server's close frame and returns its code; -1 when the connection ends without one or nothing
     * arrives for {@code timeoutMillis}.
     */
    public int awaitClose(int timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        for (Frame f = next(timeoutMillis); f != null; f = next(remaining(deadline))) {
            if (f.opcode() == CLOSE) {
                return f.closeCode();
            }
        }
        return -1;
    }

    /** Drops the TCP connection without a close frame, as a network that went away would. */
    public void drop() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    public boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static int remaining(long deadline) {
        return (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000L);
    }
}
