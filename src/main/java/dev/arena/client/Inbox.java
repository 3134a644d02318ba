package dev.arena.client;

import dev.arena.protocol.Codec;
import dev.arena.protocol.ServerMessage;
import dev.arena.spi.Game;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * What the server sends one {@link ArenaClient}, handed to its {@link ArenaClient.Listener}: the {@code welcome} that
 * answers a join (and makes the room's view from it: {@link DotsView}, or {@link GameView} for a room of
 * {@link ArenaClient.Options#game}), the room's frames read by that view, an {@code error} answering a join, and the
 * close. Called on the {@link java.net.http.HttpClient}'s threads, one frame at a time, in order.
 */
final class Inbox {
    private final ArenaClient.Listener listener;
    private final ArenaClient.Options options;
    private final Codec codec;
    private volatile CompletableFuture<ServerMessage.Welcome> welcome = new CompletableFuture<>();
    private volatile ServerMessage.Welcome lastWelcome;
    private volatile RoomView view; // from the welcome on

    Inbox(ArenaClient.Listener listener, ArenaClient.Options options, Codec codec) {
        this.listener = listener;
        this.options = options;
        this.codec = codec;
    }

    /** A join was sent: the future its {@code welcome} completes (or its error, or the close, fails). */
    CompletableFuture<ServerMessage.Welcome> expectWelcome() {
        CompletableFuture<ServerMessage.Welcome> answer = new CompletableFuture<>();
        welcome = answer;
        return answer;
    }

    /** A new connection: no room view until its welcome. */
    void newConnection() {
        view = null;
    }

    /** The last {@code welcome}, or null before it. */
    ServerMessage.Welcome lastWelcome() {
        return lastWelcome;
    }

    /** The room's view since the last welcome, or null. */
    RoomView view() {
        return view;
    }

    void text(String text) {
        RoomView v = view;
        if (v != null && v.received(text, listener)) {
            return;
        }
        ServerMessage message = codec.decodeServerMessage(text);
        if (message instanceof ServerMessage.Welcome w) {
            lastWelcome = w;
            Game game = options.game();
            view = game != null && game.name().equals(w.game()) ? new GameView(game, w.id())
                    : new DotsView(codec, w, options.trackPlayers());
            listener.welcome(w);
            welcome.complete(w);
            return;
        }
        if (message instanceof ServerMessage.Error e && !welcome.isDone()) {
            welcome.completeExceptionally(new ArenaClient.ArenaException(e.code(), e.message()));
        }
        listener.message(message);
    }

    void binary(ByteBuffer frame) {
        RoomView v = view;
        if (v != null) {
            v.received(frame, listener);
        }
    }

    void closed(int code, String reason) {
        welcome.completeExceptionally(new ArenaClient.ArenaException("closed", "connection closed: " + code + " "
                + reason));
        listener.closed(code, reason);
    }
}
