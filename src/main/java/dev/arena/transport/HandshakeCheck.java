package dev.arena.transport;

import dev.arena.server.ArenaConfig;
import dev.arena.server.GameWorld;
import dev.arena.server.StandaloneWorld;
import java.util.Base64;
import java.util.Optional;

/**
 * The checks a WebSocket upgrade request must pass before any container handles it, in one place for every server:
 * a {@code Sec-WebSocket-Key} that is base64 of exactly 16 bytes (RFC 6455, 4.2.1; otherwise <b>400</b>) and an
 * allowed {@code Origin} ({@link OriginPolicy}; otherwise <b>403</b>). Applied by {@link HandshakeFilter} in the
 * WAR and by the dev server's Grizzly filter, both of which answer a refusal with a plain HTTP error, no upgrade
 * headers, and {@code Connection: close}.
 */
public final class HandshakeCheck {
    private static volatile OriginPolicy systemPolicy;

    private HandshakeCheck() {}

    /** Why an upgrade request is refused: the HTTP status and a one-line text for the body. */
    public record Refusal(int status, String reason) {
        /** The standard reason phrase of {@link #status}. */
        public String phrase() {
            return status == 400 ? "Bad Request" : "Forbidden";
        }
    }

    /** Null when the handshake may go on; otherwise why not. Header values may be null (absent). */
    public static Refusal check(String key, String origin, String host) {
        if (!validKey(key)) {
            return new Refusal(400, "Sec-WebSocket-Key must be the base64 encoding of 16 bytes");
        }
        if (!policy().allows(origin, host)) {
            return new Refusal(403, "origin not allowed");
        }
        return null;
    }

    /** RFC 6455, 4.1: "a nonce consisting of a randomly selected 16-byte value that has been base64-encoded". */
    static boolean validKey(String key) {
        if (key == null || key.isBlank()) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(key.trim()).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The origin policy of the installed world, or else of {@link ArenaConfig#fromSystem()} (the CDI world's). */
    static OriginPolicy policy() {
        Optional<GameWorld> world = StandaloneWorld.get();
        if (world.isPresent()) {
            return new OriginPolicy(world.get().config().allowedOrigins());
        }
        OriginPolicy p = systemPolicy;
        if (p == null) {
            p = new OriginPolicy(ArenaConfig.fromSystem().allowedOrigins());
            systemPolicy = p;
        }
        return p;
    }
}
