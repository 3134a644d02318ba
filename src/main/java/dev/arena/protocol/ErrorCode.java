package dev.arena.protocol;

/**
 * The codes of {@code error} messages, with their wire names. An error answers one message; the connection stays
 * open (see {@link CloseCodes} for what closes it).
 */
public enum ErrorCode {
    /** The frame is not valid JSON, or not a JSON object. */
    MALFORMED_JSON("malformed_json"),
    /** The object has no string {@code type}, or one this server does not know. */
    UNKNOWN_TYPE("unknown_type"),
    /** A field is missing, has the wrong JSON type, or is out of range. */
    INVALID_FIELD("invalid_field"),
    /** {@code input} or a second {@code join} before the first {@code join} was answered. */
    NOT_JOINED("not_joined"),
    /** {@code join} on a connection that has joined (or is joining) already. */
    ALREADY_JOINED("already_joined"),
    /** The room has as many players as it may have. */
    ROOM_FULL("room_full"),
    /**
     * A new room was asked for but the server has as many rooms as it may have, or the client's address has made as
     * many as it may (at once, or this minute).
     */
    TOO_MANY_ROOMS("too_many_rooms"),
    /** The connection sends faster than its message budget allows; messages are dropped until it slows down. */
    RATE_LIMITED("rate_limited"),
    /** {@code input} from a role that has no dot ({@code screen}, {@code spectator}). */
    FORBIDDEN("forbidden"),
    /** A {@code controller}, {@code spectator} or {@code screen} named a room that does not exist. */
    UNKNOWN_ROOM("unknown_room"),
    /** {@code chat} faster than the chat limit; that line was dropped. */
    CHAT_RATE_LIMITED("chat_rate_limited"),
    /** The client's address holds as many players, screens and spectators (away ones included) as it may. */
    TOO_MANY_SEATS("too_many_seats"),
    /**
     * The client's address named too many rooms that do not exist ({@code unknown_room}): it must wait before the
     * next lookup; the message says how long. Nothing was looked up.
     */
    TOO_MANY_GUESSES("too_many_guesses"),
    /** {@code join.game} names a game this server does not offer; the message lists those it does. */
    UNKNOWN_GAME("unknown_game"),
    /** {@code join.game} names another game than the one the named room (which exists) plays. */
    WRONG_GAME("wrong_game"),
    /** The room's game refused the player (e.g. the round is full); the message is the game's reason. */
    JOIN_REFUSED("join_refused");

    private final String wireName;

    ErrorCode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
