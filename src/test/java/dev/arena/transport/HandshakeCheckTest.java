package dev.arena.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.server.ArenaConfig;
import dev.arena.server.StandaloneWorld;
import dev.arena.server.GameWorld;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandshakeCheckTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[16]);

    @AfterEach
    void clear() {
        StandaloneWorld.clear();
    }

    @Test
    void aKeyMustBeBase64OfSixteenBytes() {
        assertThat(HandshakeCheck.validKey(KEY)).isTrue();
        assertThat(HandshakeCheck.validKey("dGhlIHNhbXBsZSBub25jZQ==")).as("RFC 6455's example").isTrue();
        assertThat(HandshakeCheck.validKey(null)).isFalse();
        assertThat(HandshakeCheck.validKey("")).isFalse();
        assertThat(HandshakeCheck.validKey("   ")).isFalse();
        assertThat(HandshakeCheck.validKey("abc")).isFalse();
        assertThat(HandshakeCheck.validKey("not base64 at all!!!!!==")).isFalse();
        assertThat(HandshakeCheck.validKey(Base64.getEncoder().encodeToString(new byte[15]))).isFalse();
        assertThat(HandshakeCheck.validKey(Base64.getEncoder().encodeToString(new byte[17]))).isFalse();
    }

    @Test
    void aBadKeyIs400AndAForeignOriginIs403() {
        StandaloneWorld.install(new GameWorld(ArenaConfig.DEFAULT.withAllowedOrigins(List.of("https://ok.example")),
                () -> 0L, new SplittableRandom(1)));
        assertThat(HandshakeCheck.check(KEY, null, "h:1")).isNull();
        assertThat(HandshakeCheck.check(KEY, "https://ok.example", "h:1")).isNull();
        assertThat(HandshakeCheck.check(KEY, "http://h:1", "h:1")).isNull();
        assertThat(HandshakeCheck.check("", null, "h:1").status()).isEqualTo(400);
        assertThat(HandshakeCheck.check("", null, "h:1").phrase()).isEqualTo("Bad Request");
        assertThat(HandshakeCheck.check(KEY, "http://evil.example", "h:1").status()).isEqualTo(403);
        assertThat(HandshakeCheck.check(KEY, "http://evil.example", "h:1").phrase()).isEqualTo("Forbidden");
        assertThat(HandshakeCheck.check("x", "http://evil.example", "h:1").status()).as("the key first").isEqualTo(400);
    }
}
