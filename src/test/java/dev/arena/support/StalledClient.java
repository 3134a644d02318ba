package dev.arena.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a plain socket that completes the handshake, sends text frames, and then never reads: the
 * slowest possible reader. Its receive buffer is made tiny so the server's writes to it back up quickly.
 */
public final class StalledClient implements AutoCloseable {
    private final Socket socket;

    public StalledClient(URI gameUri) throws IOException {
        this(gameUri, null);
    }

    /** {@code origin}: an {@code Origin} header for the handshake, or null for none. */
    public StalledClient(URI gameUri, String origin) throws IOException {
        this(gameUri, origin, null);
    }

    /** {@code from}: the local address to connect from (e.g. 127.0.0.2: another client address on loopback). */
    public StalledClient(URI gameUri, String origin, java.net.InetAddress from) throws IOException {
        socket = new Socket();
        socket.setReceiveBufferSize(2048);
        if (from != null) {
            socket.bind(new InetSocketAddress(from, 0));
        }
        socket.connect(new InetSocketAddress(gameUri.getHost(), gameUri.getPort()), 3000);
        socket.setSoTimeout(3000);
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        String request = "GET " + gameUri.getPath() + " HTTP/1.1\r\n"
                + "Host: " + gameUri.getHost() + ":" + gameUri.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                + (origin == null ? "" : "Origin: " + origin + "\r\n")
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("handshake: connection closed after " + head);
            }
            head.append((char) b);
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            throw new HandshakeRefused(head.toString());
        }
    }

    /** The server answered the upgrade request with something other than 101. */
    public static final class HandshakeRefused extends IOException {
        private final String response;

        HandshakeRefused(String response) {
            super("handshake refused: " + response);
            this.response = response;
        }

        /** The HTTP status line, e.g. {@code HTTP/1.1 403 Forbidden}. */
        public String statusLine() {
            return response.lines().findFirst().orElse("");
        }
    }

    /** Reads frames until a text frame arrives and returns its text (short frames from the server: unmasked). */
    public String nextText(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
        while (true) {
            FrameHeader frame = FrameHeader.read(in);
            byte[] payload = in.readNBytes((int) frame.length());
            if (frame.opcode() == 0x1) {
                return new String(payload, StandardCharsets.UTF_8);
            }
        }
    }

    /** Sends one masked text frame (payload under 126 bytes). */
    public void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        if (payload.length >= 126) {
            throw new IllegalArgumentException("short frames only");
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        byte[] frame = new byte[2 + 4 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        OutputStream out = socket.getOutputStream();
        out.write(frame);
        out.flush();
    }

    /**
     * Starts reading at last: skips every frame until a close frame arrives and returns its close code, or -1 when
     * the connection ends without one or nothing arrives for {@code timeoutMillis}.
     */
    public int readUntilClose(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
        try {
            for (long frames = 0; frames < 10_000_000; frames++) {
                FrameHeader frame = FrameHeader.read(in);
                if (frame.opcode() == 0x8) {
                    return frame.length() >= 2 ? in.readUnsignedShort() : 1005;
                }
                in.skipNBytes(frame.length());
            }
            return -1;
        } catch (java.io.EOFException | java.net.SocketTimeoutException | java.net.SocketException e) {
            return -1;
        }
    }

    /** From now on reads and drops everything the server sends, on a daemon thread, until the connection ends. */
    public void drain() {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[65536];
            try {
                socket.setSoTimeout(0);
                InputStream in = socket.getInputStream();
                while (in.read(buffer) >= 0) {
                    // dropped
                }
            } catch (IOException e) {
                // closed
            }
        }, "drain");
        t.setDaemon(true);
        t.start();
    }

    /** This end of the connection. */
    public InetSocketAddress local() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** The server's end of the connection. */
    public InetSocketAddress remote() {
        return (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** The start of a server frame (unmasked): its opcode and payload length. */
    private record FrameHeader(int opcode, long length) {
        static FrameHeader read(java.io.DataInputStream in) throws IOException {
            int b0 = in.readUnsignedByte();
            long length = in.readUnsignedByte() & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            return new FrameHeader(b0 & 0x0f, length);
        }
    }
}
