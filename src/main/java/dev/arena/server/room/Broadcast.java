package dev.arena.server.room;

import dev.arena.games.dots.World;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.connection.Connection;
import dev.arena.server.metrics.RoomMetrics;

/**
 * What a room sends to many of its seats at once: room events (to everyone who sees the room), chat lines (to
 * everyone but the sender) and what only the seats without a player's map are told (controllers, screens,
 * spectators). Used by the room's tick thread only.
 */
final class Broadcast {
    private final Seats seats;
    private final RoomMetrics metrics;
    private final Codec codec;

    Broadcast(Seats seats, RoomMetrics metrics, Codec codec) {
        this.seats = seats;
        this.metrics = metrics;
        this.codec = codec;
    }

    /**
     * A room event (playerJoined, playerLeft) to everyone who sees the room: players, screens, spectators. Only
     * queued: each of them is offered a snapshot later in this tick, which sends it first, on the sender threads.
     */
    void event(String text) {
        for (Seat seat : seats.withDots()) {
            if (seat.connection != null && seat.feed == null) {
                metrics.sent(1, 0);
                seat.connection.outbox().queue(text);
            }
        }
        for (Seat seat : seats.watching()) {
            seat.connection.outbox().queue(text);
        }
    }

    /**
     * Relays a chat line to everyone in the room but its sender, with the sender's name (its seat's, or in a dots
     * room its dot's; {@code world} is null in a room on the SPI, whose seats all have a name).
     */
    void chat(Connection from, String text, World world) {
        Seat sender = seats.of(from);
        if (sender == null) {
            return; // left meanwhile
        }
        int id = sender.id == null ? 0 : sender.id.value();
        String name = sender.name != null ? sender.name : world.player(sender.id).orElseThrow().name();
        String line = codec.encode(new ServerMessage.Chat(id, name, text));
        for (Seat seat : seats.withDots()) {
            if (seat.connection != null && seat.connection != from) {
                seat.connection.outbox().control(line);
            }
        }
        for (Seat seat : seats.watching()) {
            if (seat.connection != from) {
                seat.connection.outbox().control(line);
            }
        }
    }

    /** A message for the seats that are not players (controllers, screens, spectators), e.g. {@code audience}. */
    void toNonPlayers(String text) {
        for (Seat seat : seats.withDots()) {
            if (seat.connection != null && seat.feed != null) {
                seat.connection.outbox().control(text);
            }
        }
        for (Seat seat : seats.watching()) {
            seat.connection.outbox().control(text);
        }
    }
}
