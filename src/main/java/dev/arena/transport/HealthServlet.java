package dev.arena.transport;

import dev.arena.server.GameWorld;
import dev.arena.server.Health;
import dev.arena.server.StandaloneWorld;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /health}: 200 with a JSON report while the tick runs, 503 when it has stopped. The report says how
 * Arena is wired in this container: whether the world came from CDI, what runs the tick and on which thread. For
 * load balancers, container health checks and operators.
 */
@WebServlet(urlPatterns = "/health", loadOnStartup = 1)
public class HealthServlet extends HttpServlet {
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    transient GameWorld injected;

    /** The JSON body of {@code /health}. */
    public record Report(String status, String server, boolean cdi, Health game) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        GameWorld world = injected != null ? injected : StandaloneWorld.get().orElse(null);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        if (world == null) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.getWriter().write("{\"status\":\"DOWN\",\"reason\":\"no game world\"}");
            return;
        }
        Health health = world.health();
        response.setStatus(health.ticking() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        Report report = new Report(
                health.ticking() ? "UP" : "DOWN", getServletContext().getServerInfo(), injected != null, health);
        response.getWriter().write(JSONB.toJson(report));
    }
}
