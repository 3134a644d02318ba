package dev.arena.load;

import java.util.concurrent.CompletableFuture;

/**
 * One bot's connection, whichever WebSocket client it runs on: {@link TyrusBots} (the default; it offers
 * permessage-deflate as browsers do) or the project's {@link dev.arena.client.ArenaClient} on the JDK's client
 * ({@link JdkBots}; it offers no extension).
 */
interface BotClient {
    /** What a bot hears: every snapshot's tick, acknowledged input and size, and the close. */
    interface Listener {
        void frame(long tick, long ack, int bytes);

        void closed(int code, String reason);
    }

    /** Completes with the {@code welcome} (or exceptionally with the error that answered the join). */
    CompletableFuture<?> join(String name, String room);

    /** Sends a held direction; returns its {@code seq}. */
    long input(int dx, int dy);

    /** Payload bytes received (after decompression where a deflate extension was negotiated). */
    long bytesReceived();

    /** The extensions the handshake negotiated, e.g. {@code permessage-deflate}, or "none". */
    String extensions();

    void close();

    /** Makes bots' connections on one kind of client; {@link #close} releases its threads. */
    interface Connector extends AutoCloseable {
        CompletableFuture<BotClient> connect(java.net.URI uri, boolean compact, Listener listener);

        @Override
        void close();
    }
}
