package dev.arena.server;

import dev.arena.game.PlayerId;

/**
 * The server's side of one client connection: its outbox and, once joined, its room and player. Created by
 * {@link GameWorld#connect}; the transport keeps it for the life of the WebSocket session.
 */
public final class Connection {
    enum State { NEW, JOINING, JOINED, CLOSED }

    private final Outbox outbox;
    private State state = State.NEW;
    private Room room;
    private volatile PlayerId player;
    private int consecutiveErrors;

    Connection(Peer peer) {
        this.outbox = new Outbox(peer);
    }

    Outbox outbox() {
        return outbox;
    }

    /** The player of this connection, or null before it joined. */
    public PlayerId player() {
        return player;
    }

    synchronized State state() {
        return state;
    }

    synchronized Room room() {
        return room;
    }

    synchronized boolean startJoining(Room target) {
        if (state != State.NEW) {
            return false;
        }
        state = State.JOINING;
        room = target;
        return true;
    }

    /** On the tick thread: the join was accepted. Returns false when the connection closed meanwhile. */
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
        }
    }

    /** Marks the connection closed and returns the room it was in or joining, if any. */
    synchronized Room close() {
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
