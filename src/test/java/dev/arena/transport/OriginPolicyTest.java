package dev.arena.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {
    private final OriginPolicy sameOriginOnly = new OriginPolicy(List.of());

    @Test
    void noOriginIsANonBrowserClientAndIsAllowed() {
        assertThat(sameOriginOnly.allows(null, "game.example.org")).isTrue();
    }

    @Test
    void theServersOwnOriginIsAllowed() {
        assertThat(sameOriginOnly.allows("http://localhost:8080", "localhost:8080")).isTrue();
        assertThat(sameOriginOnly.allows("https://Game.Example.org", "game.example.org")).isTrue();
        assertThat(sameOriginOnly.allows("https://game.example.org", "game.example.org:443")).isTrue();
        assertThat(sameOriginOnly.allows("http://game.example.org:80", "game.example.org")).isTrue();
        assertThat(sameOriginOnly.allows("http://[::1]:8080", "[::1]:8080")).isTrue();
    }

    @Test
    void anyOtherOriginIsRefused() {
        assertThat(sameOriginOnly.allows("http://evil.example", "game.example.org")).isFalse();
        assertThat(sameOriginOnly.allows("http://localhost:9999", "localhost:8080")).isFalse();
        assertThat(sameOriginOnly.allows("https://game.example.org.evil.example", "game.example.org")).isFalse();
        assertThat(sameOriginOnly.allows("null", "game.example.org")).isFalse();
        assertThat(sameOriginOnly.allows("http://localhost:8080", null)).isFalse();
        assertThat(sameOriginOnly.allows("", "localhost:8080")).isFalse();
    }

    @Test
    void listedOriginsAreAllowed() {
        OriginPolicy listed = new OriginPolicy(List.of("https://play.example.com", "http://localhost:3000/"));
        assertThat(listed.allows("https://play.example.com", "api.example.com")).isTrue();
        assertThat(listed.allows("https://play.example.com:443", "api.example.com")).isTrue();
        assertThat(listed.allows("http://LOCALHOST:3000", "api.example.com")).isTrue();
        assertThat(listed.allows("http://play.example.com", "api.example.com")).as("other scheme").isFalse();
        assertThat(listed.allows("https://evil.example", "api.example.com")).isFalse();
    }

    @Test
    void aStarAllowsEveryOrigin() {
        assertThat(new OriginPolicy(List.of("*")).allows("http://anything.example", "x")).isTrue();
    }
}
