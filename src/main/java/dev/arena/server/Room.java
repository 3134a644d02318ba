package dev.arena.server;

import dev.arena.game.Input;
import dev.arena.game.PlayerId;
import dev.arena.game.PlayerState;
import dev.arena.game.World;
import dev.arena.protocol.Assembler;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ErrorCode;
import dev.arena.protocol.ServerMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One room: a {@link World}, the connections playing in it, and the inbox of what they asked for since the last
 * tick. Any thread may {@link #enqueue}; only the tick thread runs {@link #tick}, and only it touches the world and
 * the member list.
 */
final class Room {
    sealed interface Event {
        Connection connection();
    }

    record Join(Connection connection, String name) implements Event {}

    record Steer(Connection connection, long seq, Input input) implements Event {}

    record Leave(Connection connection) implements Event {}

    private final String name;
    private final World world;
    private final int maxPlayers;
    private final Codec codec;
    private final Queue<Event> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inboxSize = new AtomicInteger();
    private final Map<PlayerId, Connection> members = new LinkedHashMap<>();
    private volatile int memberCount;

    Room(String name, World world, int maxPlayers, Codec codec) {
        this.name = name;
        this.world = world;
        this.maxPlayers = maxPlayers;
        this.codec = codec;
    }

    String name() {
        return name;
    }

    int playerCount() {
        return memberCount;
    }

    void enqueue(Event event) {
        inboxSize.incrementAndGet();
        inbox.add(event);
    }

    /** No players and nothing waiting: the room may be removed. */
    boolean isIdle() {
        return memberCount == 0 && inboxSize.get() == 0;
    }

    /**
     * Applies what arrived (joins, inputs, leaves, in arrival order), steps the world once, and offers the snapshot,
     * encoded once, to every member. Returns how many members still had an unsent older snapshot (dropped).
     */
    int tick(long nowMillis) {
        for (int n = inboxSize.get(); n > 0; n--) {
            Event event = inbox.poll();
            if (event == null) {
                break;
            }
            inboxSize.decrementAndGet();
            handle(event);
        }
        world.step();
        memberCount = members.size();
        if (members.isEmpty()) {
            return 0;
        }
        String snapshot = codec.encode(Assembler.snapshot(world.snapshot(), nowMillis));
        int dropped = 0;
        for (Connection member : members.values()) {
            if (member.outbox().snapshot(snapshot)) {
                dropped++;
            }
        }
        return dropped;
    }

    private void handle(Event event) {
        Connection c = event.connection();
        if (event instanceof Steer s) {
            PlayerId id = c.player();
            if (id != null && members.containsKey(id)) {
                world.steer(id, s.seq(), s.input());
            }
        } else if (event instanceof Join j) {
            join(c, j.name());
        } else if (event instanceof Leave) {
            PlayerId id = c.player();
            if (id != null && members.remove(id) != null) {
                world.leave(id);
                broadcast(codec.encode(new ServerMessage.PlayerLeft(id.value())));
            }
        }
    }

    private void join(Connection c, String requestedName) {
        if (members.size() >= maxPlayers) {
            c.joinRefused();
            c.outbox().control(codec.encode(Assembler.error(
                    ErrorCode.ROOM_FULL, "room '" + name + "' is full (" + maxPlayers + " players)")));
            return;
        }
        PlayerState player = world.join(requestedName);
        if (!c.joined(player.id())) {
            world.leave(player.id()); // the client went away while its join waited
            return;
        }
        c.outbox().control(codec.encode(Assembler.welcome(player, name, world.rules(), world.snapshot())));
        broadcast(codec.encode(new ServerMessage.PlayerJoined(Assembler.info(player))));
        members.put(player.id(), c);
        memberCount = members.size();
    }

    private void broadcast(String text) {
        for (Connection member : members.values()) {
            member.outbox().control(text);
        }
    }
}
