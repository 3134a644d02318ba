package dev.arena.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP upgrade request written by hand on a plain socket, for what a WebSocket client library will not send
 * (no key, a bad key, a forbidden origin, a request that never ends), and a look at exactly what comes back: the
 * status line, the headers, and whether the server then closes the connection.
 */
public final class RawHandshake implements AutoCloseable {
    private final Socket socket;
    private String statusLine;
    private String otherFrame;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private RawHandshake(Socket socket) {
        this.socket = socket;
    }

    /** Connects to the server of {@code gameUri}, from {@code from} (null: any local address); sends nothing yet. */
    public static RawHandshake open(URI gameUri, InetAddress from) throws IOException {
        Socket socket = new Socket();
        if (from != null) {
            socket.bind(new InetSocketAddress(from, 0));
        }
        socket.connect(new InetSocketAddress(gameUri.getHost(), gameUri.getPort()), 3000);
        return new RawHandshake(socket);
    }

    /** The request head of an upgrade to {@code gameUri}; {@code key} and {@code origin} null: header left out. */
    public static String request(URI gameUri, String key, String origin) {
        return "GET " + gameUri.getPath() + " HTTP/1.1\r\n"
                + "Host: " + gameUri.getHost() + ":" + gameUri.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + (key == null ? "" : "Sec-WebSocket-Key: " + key + "\r\n")
                + (origin == null ? "" : "Origin: " + origin + "\r\n")
                + "Sec-WebSocket-Version: 13\r\n\r\n";
    }

    /** Sends a whole request head and reads the response head. */
    public static RawHandshake send(URI gameUri, String key, String origin) throws IOException {
        RawHandshake h = open(gameUri, null);
        h.write(request(gameUri, key, origin));
        h.readHead(5000);
        return h;
    }

    public void write(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    public void writeBytes(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /**
     * Reads server frames (unmasked, short) until a close frame and returns its code; -1 when another frame comes
     * first (a text frame: the server answered), or nothing within {@code timeoutMillis}, or the connection ends.
     */
    public int readCloseCode(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
        try {
            int b0 = in.readUnsignedByte();
            int length = in.readUnsignedByte() & 0x7f;
            length = length == 126 ? in.readUnsignedShort() : length;
            byte[] payload = in.readNBytes(length);
            if ((b0 & 0x0f) != 0x8) {
                otherFrame = new String(payload, StandardCharsets.UTF_8);
                return -1;
            }
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Reads the response's status line and headers. */
    public void readHead(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head);
            }
            head.append((char) b);
        }
        String[] lines = head.toString().split("\r\n");
        statusLine = lines[0];
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
    }

    /** The payload (as text) of the frame {@link #readCloseCode} found instead of a close frame, or null. */
    public String otherFrame() {
        return otherFrame;
    }

    /** E.g. {@code HTTP/1.1 403 Forbidden}. */
    public String statusLine() {
        return statusLine;
    }

    /** Response headers, names in lower case. */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * Reads (and drops) whatever else comes until the server ends the connection: true when it does (end of stream
     * or reset) within {@code timeoutMillis}, false when the connection is still open then.
     */
    public boolean endsWithin(long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        byte[] buffer = new byte[4096];
        InputStream in = socket.getInputStream();
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout((int) Math.max(1, left));
            try {
                if (in.read(buffer) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (SocketException e) {
                return true; // reset
            }
        }
    }

    public InetSocketAddress local() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
