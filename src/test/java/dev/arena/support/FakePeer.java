package dev.arena.support;

import dev.arena.protocol.Codec;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.connection.Peer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link Peer} that records what the server sends. By default each send completes at once; with
 * {@link #holdSends()} sends stay in flight until {@link #completeSend()}, like a client that reads slowly.
 */
public class FakePeer implements Peer {
    private static final Codec CODEC = new Codec();

    private final List<String> sent = new ArrayList<>();
    private final List<Consumer<Throwable>> inFlight = new ArrayList<>();
    private boolean holding;
    private int closeCode = -1;
    private int concurrentSends;
    private int maxConcurrentSends;
    private int pings;

    @Override
    public synchronized void send(String text, Consumer<Throwable> done) {
        sent.add(text);
        concurrentSends++;
        maxConcurrentSends = Math.max(maxConcurrentSends, concurrentSends);
        if (holding) {
            inFlight.add(done);
            return;
        }
        concurrentSends--;
        done.accept(null);
    }

    @Override
    public synchronized void close(int code, String reason) {
        closeCode = code;
    }

    @Override
    public synchronized void ping() {
        pings++;
    }

    public synchronized int pings() {
        return pings;
    }

    public synchronized void holdSends() {
        holding = true;
    }

    /** Stops holding: completes what is in flight, and every send after it at once. */
    public void release() {
        synchronized (this) {
            holding = false;
        }
        while (inFlightCount() > 0) {
            completeSend();
        }
    }

    public synchronized int inFlightCount() {
        return inFlight.size();
    }

    /** Completes the oldest send in flight (the peer "read" it). */
    public void completeSend() {
        Consumer<Throwable> done;
        synchronized (this) {
            done = inFlight.remove(0);
            concurrentSends--;
        }
        done.accept(null);
    }

    public synchronized List<String> texts() {
        return List.copyOf(sent);
    }

    public List<ServerMessage> messages() {
        return texts().stream().map(CODEC::decodeServerMessage).toList();
    }

    public <T extends ServerMessage> List<T> messages(Class<T> type) {
        return messages().stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends ServerMessage> T last(Class<T> type) {
        List<T> all = messages(type);
        if (all.isEmpty()) {
            throw new AssertionError("no " + type.getSimpleName() + " among " + texts());
        }
        return all.get(all.size() - 1);
    }

    public synchronized void clear() {
        sent.clear();
    }

    public synchronized int closeCode() {
        return closeCode;
    }

    public synchronized int maxConcurrentSends() {
        return maxConcurrentSends;
    }
}
