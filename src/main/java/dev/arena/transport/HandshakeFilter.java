package dev.arena.transport;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The WAR's door to {@code /game}, in front of the container's own WebSocket filter (Tyrus on Payara, Undertow on
 * WildFly, Tomcat's {@code WsFilter}: each registers its filter with {@code isMatchAfter}, after the application's).
 *
 * <ul>
 *   <li>An upgrade request that fails {@link HandshakeCheck} gets a plain 400 or 403 with {@code Connection: close}
 *       and no upgrade headers; the container never sees it, and closes the connection after the answer.
 *   <li>Otherwise it passes the request's remote address ({@link HttpServletRequest#getRemoteAddr()}) to
 *       {@link GameEndpointConfigurator#modifyHandshake} on this thread: every container runs the handshake inside
 *       its filter, on the thread of the request. The address ends up in the session's user properties, so that
 *       {@code arena.maxConnectionsPerAddress} applies on every server.
 * </ul>
 */
@WebFilter(filterName = "arena-handshake", urlPatterns = "/game", asyncSupported = true)
public class HandshakeFilter implements Filter {
    private static final ThreadLocal<String> REMOTE_ADDRESS = new ThreadLocal<>();

    /** The remote address of the upgrade request this thread is handling, or null outside of one. */
    static String remoteAddress() {
        return REMOTE_ADDRESS.get();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)
                || !isUpgrade(http)) {
            chain.doFilter(request, response);
            return;
        }
        HandshakeCheck.Refusal refusal = HandshakeCheck.check(http.getHeader("Sec-WebSocket-Key"),
                http.getHeader("Origin"), http.getHeader("Host"));
        if (refusal != null) {
            byte[] body = (refusal.reason() + "\n").getBytes(StandardCharsets.UTF_8);
            answer.setStatus(refusal.status());
            answer.setHeader("Connection", "close");
            answer.setContentType("text/plain;charset=UTF-8");
            answer.setContentLength(body.length);
            answer.getOutputStream().write(body);
            answer.flushBuffer();
            return;
        }
        REMOTE_ADDRESS.set(http.getRemoteAddr());
        try {
            chain.doFilter(request, response);
        } finally {
            REMOTE_ADDRESS.remove();
        }
    }

    private static boolean isUpgrade(HttpServletRequest request) {
        String upgrade = request.getHeader("Upgrade");
        return "GET".equals(request.getMethod()) && upgrade != null && upgrade.toLowerCase().contains("websocket");
    }
}
