package dev.arena.transport;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which pages may open a WebSocket to the game: the handshake's {@code Origin} is allowed when it is absent (not a
 * browser: a non-browser client can send any {@code Origin} it likes, so refusing it would protect nothing), when it
 * is the same origin as the server (its {@code host[:port]} equals the handshake's {@code Host}), when it is listed,
 * or when the list holds {@code *}. This protects players' browsers from other sites opening game connections in
 * their name (cross-site WebSocket hijacking). Comparison ignores case and default ports (80 for http, 443 for https).
 */
public final class OriginPolicy {
    private final boolean any;
    private final Set<String> allowed;

    public OriginPolicy(List<String> allowedOrigins) {
        this.any = allowedOrigins.contains("*");
        this.allowed = allowedOrigins.stream()
                .filter(o -> !o.equals("*"))
                .map(OriginPolicy::normalise)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether a handshake with these header values (either may be null) may open a connection. */
    public boolean allows(String origin, String host) {
        if (origin == null || any) {
            return true;
        }
        String o = normalise(origin);
        if (allowed.contains(o)) {
            return true;
        }
        if (host == null || host.isBlank()) {
            return false;
        }
        int schemeEnd = o.indexOf("://");
        if (schemeEnd < 0) {
            return false; // "null" (sandboxed frames, file: pages) and other opaque origins: only when listed
        }
        String scheme = o.substring(0, schemeEnd);
        return o.substring(schemeEnd + 3).equals(withoutDefaultPort(scheme, host.trim().toLowerCase(Locale.ROOT)));
    }

    /** {@code HTTPS://Example.org:443/} becomes {@code https://example.org}. */
    static String normalise(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        while (o.endsWith("/")) {
            o = o.substring(0, o.length() - 1);
        }
        try {
            URI uri = new URI(o);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return o;
            }
            return uri.getScheme() + "://" + withoutDefaultPort(uri.getScheme(), uri.getRawAuthority());
        } catch (java.net.URISyntaxException e) {
            return o;
        }
    }

    private static String withoutDefaultPort(String scheme, String authority) {
        if ((scheme.equals("http") || scheme.equals("ws")) && authority.endsWith(":80")) {
            return authority.substring(0, authority.length() - 3);
        }
        if ((scheme.equals("https") || scheme.equals("wss")) && authority.endsWith(":443")) {
            return authority.substring(0, authority.length() - 4);
        }
        return authority;
    }
}
