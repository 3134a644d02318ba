package dev.arena.load.floor;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The container floor's web part in its WAR: starts and stops the tick; {@code /health} and {@code /metrics}. */
@WebListener
public class FloorWeb implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent event) {
        Floor.INSTANCE.start();
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        Floor.INSTANCE.stop();
    }

    @WebServlet("/health")
    public static class Health extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().write("UP\n");
        }
    }

    @WebServlet("/metrics")
    public static class Metrics extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain; version=0.0.4");
            response.getWriter().write(Floor.INSTANCE.metrics());
        }
    }
}
