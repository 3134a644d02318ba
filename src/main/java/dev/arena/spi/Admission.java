package dev.arena.spi;

/** A simulation's answer to a join: the player is in, or it is refused with a reason the client is shown. */
public sealed interface Admission {
    Admission ADMITTED = new Admitted();

    static Admission refused(String reason) {
        return new Refused(reason);
    }

    record Admitted() implements Admission {}

    /** {@code reason}: one sentence for people, e.g. "the round is full (8 players)". */
    record Refused(String reason) implements Admission {
        public Refused {
            if (reason == null || reason.isBlank() || reason.length() > 200) {
                throw new IllegalArgumentException("a refusal needs a reason of 1-200 characters");
            }
        }
    }
}
