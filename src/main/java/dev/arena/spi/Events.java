package dev.arena.spi;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a simulation puts its events during a call; the framework takes them ({@link #drain}) after the call and
 * sends each to its audience, after the state of the same tick. Values are checked against the event's declared
 * fields when emitted. Owned by the room's tick thread.
 */
public final class Events {
    private final Schema schema;
    private final List<Event> pending = new ArrayList<>();

    public Events(Schema schema) {
        this.schema = schema;
    }

    public void toPlayer(int player, MessageType type, Object... values) {
        emit(new Event.ToPlayer(player), type, values);
    }

    public void toPlayers(List<Integer> players, MessageType type, Object... values) {
        emit(new Event.ToPlayers(players), type, values);
    }

    public void toRoom(MessageType type, Object... values) {
        emit(new Event.ToRoom(), type, values);
    }

    /** The events emitted since the last drain, in order; empties the list. */
    public List<Event> drain() {
        List<Event> out = List.copyOf(pending);
        pending.clear();
        return out;
    }

    /** How many events wait to be drained. */
    public int pending() {
        return pending.size();
    }

    private void emit(Event.Audience to, MessageType type, Object... values) {
        if (!schema.events().contains(type)) {
            throw new IllegalArgumentException("not a declared event: " + type.name());
        }
        if (values.length != type.fields().size()) {
            throw new IllegalArgumentException(type.name() + " has " + type.fields().size() + " fields");
        }
        Object[] canonical = new Object[values.length];
        for (Field f : type.fields()) {
            try {
                canonical[f.index()] = f.type().normalise(values[f.index()]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(type.name() + "." + f.name() + " " + e.getMessage(), e);
            }
        }
        pending.add(new Event(type, to, List.of(canonical)));
    }
}
