package dev.arena.transport;

import dev.arena.server.GameWorld;
import dev.arena.server.StandaloneWorld;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /metrics}: the server's metrics as Prometheus text ({@link PrometheusText}), for Prometheus and for the
 * live monitor page ({@code monitor.html}). The world comes from CDI or else the {@link StandaloneWorld}, like
 * {@link HealthServlet}.
 */
@WebServlet(urlPatterns = "/metrics")
public class MetricsServlet extends HttpServlet {
    @Inject
    transient GameWorld injected;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        GameWorld world = injected != null ? injected : StandaloneWorld.get().orElse(null);
        response.setHeader("Cache-Control", "no-store");
        if (world == null) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setContentType("text/plain");
            response.getWriter().write("no game world\n");
            return;
        }
        response.setContentType(PrometheusText.CONTENT_TYPE);
        response.getWriter().write(PrometheusText.of(world.metrics().registry()));
    }
}
