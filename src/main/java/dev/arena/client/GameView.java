package dev.arena.client;

import dev.arena.snapshot.EventCodec;
import dev.arena.snapshot.InputCodec;
import dev.arena.snapshot.StateDecoder;
import dev.arena.spi.Game;
import dev.arena.spi.PlayerInput;
import dev.arena.spi.Viewer;
import java.nio.ByteBuffer;

/**
 * A room of a game on the SPI (not dots) as the Java client sees it: its state frames applied to a
 * {@link StateDecoder}, its events decoded, and its inputs encoded, binary on the compact subprotocol and JSON
 * without it, with the schema of the game the client was given. Used on the client's one receiving thread.
 */
final class GameView implements RoomView {
    private final StateDecoder state;
    private final InputCodec inputs;
    private final EventCodec events;

    GameView(Game game, int playerId) {
        this.state = new StateDecoder(game.schema(), Viewer.player(playerId));
        this.inputs = new InputCodec(game.schema());
        this.events = new EventCodec(game.schema());
    }

    @Override
    public boolean received(String text, ArenaClient.Listener listener) {
        if (text.startsWith("{\"type\":\"state\"")) {
            state.apply(text);
            listener.frame(state.tick(), Math.max(0, state.ack()), text.length());
            listener.state(state);
            return true;
        }
        if (text.startsWith("{\"type\":\"event\"")) {
            listener.event(events.decode(text));
            return true;
        }
        return false;
    }

    @Override
    public boolean received(ByteBuffer frame, ArenaClient.Listener listener) {
        if (StateDecoder.isState(frame)) {
            int bytes = frame.remaining();
            state.apply(frame);
            listener.frame(state.tick(), Math.max(0, state.ack()), bytes);
            listener.state(state);
            return true;
        }
        if (EventCodec.isEvent(frame)) {
            listener.event(events.decode(frame));
            return true;
        }
        return false;
    }

    String json(PlayerInput input) {
        return inputs.json(input);
    }

    ByteBuffer binary(PlayerInput input) {
        return ByteBuffer.wrap(inputs.binary(input));
    }
}
