package dev.arena.server;

import dev.arena.protocol.Assembler;
import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ErrorCode;
import dev.arena.protocol.ProtocolException;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.connection.ChatText;
import dev.arena.server.connection.Connection;
import dev.arena.server.connection.Connections;
import dev.arena.server.connection.Destination;
import dev.arena.server.connection.MessageRate;
import dev.arena.server.metrics.ArenaMetrics;
import dev.arena.server.room.RoomDirectory;
import java.util.function.LongSupplier;

/**
 * What a client's message does: first the edge admits it (its message budget), then a join goes to the
 * {@link RoomDirectory}, an input or a chat line to the connection's room (after the role and chat checks), and a
 * ping is answered at once. Called on the transport's threads.
 */
final class ClientMessages {
    private final Connections connections;
    private final RoomDirectory rooms;
    private final ArenaMetrics metrics;
    private final Codec codec;
    private final LongSupplier clockMillis;

    ClientMessages(Connections connections, RoomDirectory rooms, ArenaMetrics metrics, Codec codec,
            LongSupplier clockMillis) {
        this.connections = connections;
        this.rooms = rooms;
        this.metrics = metrics;
        this.codec = codec;
        this.clockMillis = clockMillis;
    }

    void receive(Connection c, ClientMessage message) {
        if (!connections.admit(c)) {
            return;
        }
        c.resetErrors();
        metrics.received();
        if (message instanceof ClientMessage.Input input) {
            Destination room = joinedRoom(c, "input");
            if (room != null && !c.role().plays()) {
                connections.error(c, ErrorCode.FORBIDDEN, "a " + c.role().wireName() + " has no dot to move");
            } else if (room != null) {
                room.steer(c, input.seq(), Assembler.toInput(input));
            }
        } else if (message instanceof ClientMessage.GameInput input) {
            Destination room = joinedRoom(c, "input");
            if (room != null && !c.role().plays()) {
                connections.error(c, ErrorCode.FORBIDDEN, "a " + c.role().wireName() + " has no player to move");
            } else if (room != null) {
                try {
                    room.play(c, input);
                } catch (ProtocolException problem) {
                    connections.error(c, problem.code(), problem.getMessage());
                }
            }
        } else if (message instanceof ClientMessage.Join join) {
            rooms.join(c, join);
        } else if (message instanceof ClientMessage.Ping ping) {
            c.outbox().control(codec.encode(new ServerMessage.Pong(ping.t(), clockMillis.getAsLong())));
        } else if (message instanceof ClientMessage.Chat chat) {
            chat(c, chat);
        }
    }

    /** The room {@code c} has joined, or null (and {@code c} told it must join before sending {@code what}). */
    private Destination joinedRoom(Connection c, String what) {
        Destination room = c.state() == Connection.State.JOINED ? c.room() : null;
        if (room == null) {
            connections.error(c, ErrorCode.NOT_JOINED, "send 'join' and wait for 'welcome' before '" + what + "'");
        }
        return room;
    }

    /** Relays a chat line through the room (at its next tick), after the chat limit and cleaning. */
    private void chat(Connection c, ClientMessage.Chat chat) {
        Destination room = joinedRoom(c, "chat");
        if (room == null) {
            return;
        }
        String text = ChatText.clean(chat.text());
        if (text == null) {
            connections.error(c, ErrorCode.INVALID_FIELD, "'chat.text' has nothing to show");
        } else if (c.chatRate().admit(clockMillis.getAsLong()) != MessageRate.Verdict.ACCEPT) {
            connections.error(c, ErrorCode.CHAT_RATE_LIMITED, "at most " + ChatText.BURST + " lines at once and "
                    + ChatText.PER_SECOND + " a second after that; this one was dropped");
        } else {
            room.say(c, text);
        }
    }
}
