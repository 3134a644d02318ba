package dev.arena.load;

import dev.arena.client.ArenaClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;

/**
 * Bots on the project's Java client library ({@link ArenaClient}, on the JDK's {@code java.net.http.WebSocket}).
 * The JDK's client offers no WebSocket extension (it refuses to set {@code Sec-WebSocket-Extensions}), so these
 * bots never negotiate permessage-deflate, unlike browsers.
 */
final class JdkBots {
    private JdkBots() {}

    static CompletableFuture<BotClient> connect(URI uri, boolean compact, HttpClient http, BotClient.Listener l) {
        ArenaClient.Listener listener = new ArenaClient.Listener() {
            @Override
            public void frame(long tick, long ack, int bytes) {
                l.frame(tick, ack, bytes);
            }

            @Override
            public void closed(int code, String reason) {
                l.closed(code, reason);
            }
        };
        return ArenaClient.connect(uri, listener, LoadGenerator.options(compact, http)).thenApply(c -> new BotClient() {
            @Override
            public CompletableFuture<?> join(String name, String room) {
                return c.join(name, room);
            }

            @Override
            public long input(int dx, int dy) {
                return c.input(dx, dy);
            }

            @Override
            public long bytesReceived() {
                return c.bytesReceived();
            }

            @Override
            public String extensions() {
                return "none";
            }

            @Override
            public void close() {
                c.close();
            }
        });
    }
}
