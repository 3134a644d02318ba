package dev.arena.server;

import dev.arena.game.PlayerId;
import dev.arena.protocol.Role;

/**
 * The server's side of one client connection: its outbox, its message budget, when it was last heard from and, once
 * joined, its room and player. Created by {@link GameWorld#connect}; the transport keeps it for the life of the
 * WebSocket session.
 */
public final class Connection {
    enum State { NEW, JOINING, JOINED, CLOSED }

    private final Outbox outbox;
    private final MessageRate rate;
    private final String address;
    private final MessageRate chatRate;
    private State state = State.NEW;
    private Room room;
    private Role role = Role.PLAYER;
    private volatile PlayerId player;
    private volatile long lastHeard;
    private volatile long lastPing;
    private int consecutiveErrors;
    private final SnapshotStream snapshots;

    Connection(Outbox outbox, MessageRate rate, String address, long nowMillis) {
        this(outbox, rate, address, nowMillis, new SnapshotStream(false));
    }

    Connection(Outbox outbox, MessageRate rate, String address, long nowMillis, SnapshotStream snapshots) {
        this.snapshots = snapshots;
        this.outbox = outbox;
        this.rate = rate;
        this.address = address;
        this.lastHeard = nowMillis;
        this.lastPing = nowMillis;
        this.chatRate = ChatText.newLimit(nowMillis);
    }

    Outbox outbox() {
        return outbox;
    }

    /** How this connection gets its snapshots: JSON text, or compact binary frames (and what it has of them). */
    SnapshotStream snapshots() {
        return snapshots;
    }

    MessageRate rate() {
        return rate;
    }

    /** The budget of chat lines (on top of {@link #rate()}). */
    MessageRate chatRate() {
        return chatRate;
    }

    /** The remote address this connection is counted under, or null when the container does not say. */
    String address() {
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

    synchronized State state() {
        return state;
    }

    synchronized Room room() {
        return room;
    }

    /** The role this connection joined (or is joining) as; {@link Role#PLAYER} before it asked. */
    synchronized Role role() {
        return role;
    }

    synchronized boolean startJoining(Room target) {
        return startJoining(target, Role.PLAYER);
    }

    synchronized boolean startJoining(Room target, Role as) {
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
    synchronized boolean joined(PlayerId id) {
        if (state != State.JOINING) {
            return false;
        }
        player = id;
        state = State.JOINED;
        return true;
    }

    /** On the tick thread: the join was refused; the client may try again. */
    synchronized void joinRefused() {
        if (state == State.JOINING) {
            state = State.NEW;
            room = null;
            role = Role.PLAYER;
        }
    }

    /** Marks the connection closed and returns the room it was in or joining, or null (also when closed already). */
    synchronized Room close() {
        if (state == State.CLOSED) {
            return null;
        }
        state = State.CLOSED;
        Room r = room;
        room = null;
        return r;
    }

    synchronized int countError() {
        return ++consecutiveErrors;
    }

    synchronized void resetErrors() {
        consecutiveErrors = 0;
    }
}
