package dev.arena.server;

import dev.arena.server.party.Party;
import java.security.SecureRandom;
import java.util.Base64;

/** The unguessable strings a server hands out, from one {@link SecureRandom}: resume tokens and party codes. */
final class Secrets {
    private static final int TOKEN_BYTES = 16; // 128 bits

    private final SecureRandom random = new SecureRandom();

    /** A resume token: 128 bits, base64url. */
    String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A fresh party code ({@link Party#newCode}). */
    String newPartyCode() {
        synchronized (random) {
            return Party.newCode(random);
        }
    }
}
