package dev.arena.protocol;

/**
 * WebSocket close codes Arena uses. Standard codes (RFC 6455) are used where one fits; Arena's own are in the
 * 4000-4999 range reserved for applications. The browser twin is {@code CloseCode} in {@code webapp/js/protocol.js}.
 */
public final class CloseCodes {
    /** Standard: the server is shutting down or the application is being undeployed. Reconnect later. */
    public static final int GOING_AWAY = 1001;
    /**
     * Standard: unsupported data. The client sent a binary frame: Arena's clients send text only (the compact
     * subprotocol's binary frames go from the server to the client). The player leaves at once.
     */
    public static final int UNSUPPORTED_DATA = 1003;
    /**
     * Standard: policy violation. The page's origin is not allowed to connect (where the container cannot refuse the
     * handshake itself with HTTP 403).
     */
    public static final int POLICY_VIOLATION = 1008;
    /** Standard: a frame larger than {@link Codec#MAX_MESSAGE_BYTES}. */
    public static final int TOO_BIG = 1009;
    /** Standard: an unexpected server error on this connection. */
    public static final int INTERNAL_ERROR = 1011;
    /** Too many invalid messages in a row ({@link #MAX_CONSECUTIVE_ERRORS}): the client is not speaking Arena. */
    public static final int PROTOCOL_ERROR = 4000;

    /** The client did not read its messages fast enough: too many undelivered messages piled up for it. */
    public static final int SLOW_CONSUMER = 4001;

    /** The client kept sending faster than its message budget after being told so with {@code rate_limited}. */
    public static final int RATE_LIMITED = 4002;

    /** A newer connection resumed this connection's player with its token: the newer one wins. */
    public static final int REPLACED = 4003;

    /** Nothing (no message, no pong) arrived from the client for the idle timeout: it is probably gone. */
    public static final int IDLE_TIMEOUT = 4004;

    /** The client's address has as many open connections as it may have. */
    public static final int TOO_MANY_CONNECTIONS = 4005;

    /**
     * The room's game failed (its simulation threw during a tick): the room is ended, everyone in it closed with
     * this code; the other rooms play on. Joining again makes a fresh room.
     */
    public static final int GAME_FAILED = 4006;

    /** How many invalid messages in a row a connection may send before it is closed with {@link #PROTOCOL_ERROR}. */
    public static final int MAX_CONSECUTIVE_ERRORS = 20;

    private CloseCodes() {}
}
