package dev.arena.server.connection;

import dev.arena.game.PlayerId;
import dev.arena.protocol.Role;

/**
 * The server's side of one client connection: its outbox, its message budget, when it was last heard from and, once
 * joined, its room (as the {@link Destination} of its messages) and player. Created by {@link Connections#connect};
 * the transport keeps it for the life of the WebSocket session.
 */
public final class Connection {
    public enum State { NEW, JOINING, JOINED, CLOSED }

    private final Outbox outbox;
    private final MessageRate rate;
    private final String address;
    private final MessageRate chatRate;
    private State state = State.NEW;
    private Destination room;
    private Role role = Role.PLAYER;
    private volatile PlayerId player;
    private volatile long lastHeard;
    private volatile long lastPing;
    private int consecutiveErrors;
    private final boolean binary;

    /** A connection that gets its snapshots as JSON text. */
    public Connection(Outbox outbox, MessageRate rate, String address, long nowMillis) {
        this(outbox, rate, address, nowMillis, false);
    }

    /** {@code binary}: it asked for the compact snapshot format (its subprotocol). */
    public Connection(Outbox outbox, MessageRate rate, String address, long nowMillis, boolean binary) {
        this.binary = binary;
        this.outbox = outbox;
        this.rate = rate;
        this.address = address;
        this.lastHeard = nowMillis;
        this.lastPing = nowMillis;
        this.chatRate = ChatText.newLimit(nowMillis);
    }

    public Outbox outbox() {
        return outbox;
    }

    /** Whether this connection gets its snapshots in the compact binary format (otherwise JSON text). */
    public boolean binary() {
        return binary;
    }

    MessageRate rate() {
        return rate;
    }

    /** The budget of chat lines (on top of {@link #rate()}). */
    public MessageRate chatRate() {
        return chatRate;
    }

    /** The remote address this connection is counted under, or null when the container does not say. */
    public String address() {
        return address;
    }

    /** The player of this connection, or null before it joined. */
    public PlayerId player() {
        return player;
    }

    long lastHeard() {
        return lastHeard;
    }

    void heard(long nowMillis) {
        lastHeard = nowMillis;
    }

    long lastPing() {
        return lastPing;
    }

    void pinged(long nowMillis) {
        lastPing = nowMillis;
    }

    public synchronized State state() {
        return state;
    }

    /** The room this connection is in or joining, or null. */
    public synchronized Destination room() {
        return room;
    }

    /** The role this connection joined (or is joining) as; {@link Role#PLAYER} before it asked. */
    public synchronized Role role() {
        return role;
    }

    public synchronized boolean startJoining(Destination target) {
        return startJoining(target, Role.PLAYER);
    }

    /** Joining {@code target} as {@code as}; false when this connection asked before (or closed). */
    public synchronized boolean startJoining(Destination target, Role as) {
        if (state != State.NEW) {
            return false;
        }
        state = State.JOINING;
        room = target;
        role = as;
        return true;
    }

    /**
     * On the tick thread: the join was accepted ({@code id}: its player, null for a screen or spectator). Returns
     * false when the connection closed meanwhile.
     */
    public synchronized boolean joined(PlayerId id) {
        if (state != State.JOINING) {
            return false;
        }
        player = id;
        state = State.JOINED;
        return true;
    }

    /** On the tick thread: the join was refused; the client may try again. */
    public synchronized void joinRefused() {
        if (state == State.JOINING) {
            state = State.NEW;
            room = null;
            role = Role.PLAYER;
        }
    }

    /** Marks the connection closed and returns the room it was in or joining, or null (also when closed already). */
    synchronized Destination close() {
        if (state == State.CLOSED) {
            return null;
        }
        state = State.CLOSED;
        Destination r = room;
        room = null;
        return r;
    }

    public synchronized int countError() {
        return ++consecutiveErrors;
    }

    public synchronized void resetErrors() {
        consecutiveErrors = 0;
    }
}
