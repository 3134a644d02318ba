package dev.arena.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A WebSocket upgrade written by hand, offering what a browser offers ({@code permessage-deflate} with
 * {@code client_max_window_bits}): the status line and headers of the server's answer, as sent.
 */
public final class DeflateOffer {
    private DeflateOffer() {}

    /** The response's lines up to the empty line (status line first). */
    public static List<String> offerDeflate(URI game) throws IOException {
        int port = game.getPort();
        try (Socket s = new Socket(game.getHost(), port)) {
            s.setSoTimeout(10_000);
            String key = Base64.getEncoder().encodeToString("arena-handshake!".getBytes(StandardCharsets.US_ASCII));
            String request = "GET " + game.getRawPath() + " HTTP/1.1\r\n"
                    + "Host: " + game.getHost() + ":" + port + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n";
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    String l = line.toString().strip();
                    if (l.isEmpty()) {
                        break;
                    }
                    lines.add(l);
                    line.setLength(0);
                } else {
                    line.append((char) b);
                }
            }
            return lines;
        }
    }

    /** The values of the {@code Sec-WebSocket-Extensions} headers among {@code lines} (lower case). */
    public static List<String> extensions(List<String> lines) {
        return lines.stream().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("sec-websocket-extensions:"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip().toLowerCase(Locale.ROOT)).toList();
    }
}
