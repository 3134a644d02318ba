package dev.arena.protocol;

/** A client message that cannot be accepted, with the {@link ErrorCode} to answer it with. */
public final class ProtocolException extends Exception {
    private final ErrorCode code;

    public ProtocolException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
