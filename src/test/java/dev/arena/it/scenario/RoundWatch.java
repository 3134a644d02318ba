package dev.arena.it.scenario;

import dev.arena.games.coinrush.CoinRushGame;
import dev.arena.snapshot.EventCodec;
import dev.arena.snapshot.StateDecoder;
import dev.arena.spi.Phase;
import dev.arena.spi.Score;
import dev.arena.spi.Viewer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What one client of a coin rush room saw of its rounds, frame by frame in the order they came: every state frame
 * (binary {@code 0x21} or JSON {@code state}) applied to a {@link StateDecoder}, the {@code roundOver} event (binary
 * {@code 0x23} or JSON {@code event}), the first frame of the round it joined, the first of the results and the
 * first of the next round. For {@link GameScenarios}.
 */
final class RoundWatch {
    private static final EventCodec EVENTS = new EventCodec(new CoinRushGame().schema());

    final StateDecoder state;
    /** The tick and phase of the first state frame, the first in {@code results} and the first of the next round. */
    Seen first;
    Seen results;
    Seen next;
    /** The scoreboard of the first frame of the results. */
    List<Score> scoreboard;
    /** The {@code roundOver} event and whether it came as a binary frame. */
    EventCodec.Received roundOver;
    boolean roundOverBinary;

    record Seen(long tick, Phase phase) {}

    RoundWatch(int player) {
        state = new StateDecoder(new CoinRushGame().schema(), Viewer.player(player));
    }

    /** Whether it saw the round end, its results and the next round begin. */
    boolean sawNextRound() {
        return roundOver != null && next != null;
    }

    /** Takes what {@code socket} received, waiting up to {@code millis} for the first frame. */
    void take(GameScenarios.Socket socket, long millis) throws InterruptedException {
        for (Object f = socket.frames.poll(millis, TimeUnit.MILLISECONDS); f != null; f = socket.frames.poll()) {
            see(f);
        }
    }

    private void see(Object frame) {
        if (frame instanceof ByteBuffer b && StateDecoder.isState(b)) {
            state.apply(b);
            stateChanged();
        } else if (frame instanceof ByteBuffer b && EventCodec.isEvent(b)) {
            event(EVENTS.decode(b), true);
        } else if (frame instanceof String text) {
            JsonObject o = Json.createReader(new StringReader(text)).readObject();
            if (o.getString("type").equals("state")) {
                state.apply(text);
                stateChanged();
            } else if (o.getString("type").equals("event")) {
                event(EVENTS.decode(text), false);
            }
        }
    }

    private void event(EventCodec.Received e, boolean binary) {
        if (e.event().equals("roundOver") && roundOver == null) {
            roundOver = e;
            roundOverBinary = binary;
        }
    }

    private void stateChanged() {
        Seen now = new Seen(state.tick(), state.phase());
        if (first == null) {
            first = now;
        } else if (results == null && now.phase().name().equals("results")) {
            results = now;
            scoreboard = state.scores();
        } else if (results != null && next == null && now.phase().name().equals("playing")) {
            next = now;
        }
    }
}
