package dev.arena.spi;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a game declares about its data: the kinds of entity in its state, the inputs clients may send and the
 * events it may send. Clients receive it (as JSON) in {@code welcome}, so a generic client decodes any game. There
 * is no cap on kinds, fields, inputs or events. A game's first input is its default input (a client may leave out
 * the input's name).
 */
public record Schema(List<Kind> kinds, List<MessageType> inputs, List<MessageType> events) {
    public Schema {
        kinds = List.copyOf(kinds);
        inputs = List.copyOf(inputs);
        events = List.copyOf(events);
        unique("kind", kinds.stream().map(Kind::name).toList());
        unique("input", inputs.stream().map(MessageType::name).toList());
        unique("event", events.stream().map(MessageType::name).toList());
    }

    public int indexOf(Kind kind) {
        int i = kinds.indexOf(kind);
        if (i < 0) {
            throw new IllegalArgumentException("not a kind of this schema: " + kind.name());
        }
        return i;
    }

    public Kind kind(String name) {
        return kinds.stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
    }

    public MessageType input(String name) {
        return inputs.stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
    }

    public MessageType event(String name) {
        return events.stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
    }

    private static void unique(String what, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new IllegalArgumentException(what + " '" + n + "' is declared twice");
            }
        }
    }
}
