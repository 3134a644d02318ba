package dev.arena.transport;

import dev.arena.server.metrics.Metrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The Prometheus text exposition of a {@link Metrics} registry, as {@code /metrics} serves it ({@link MetricsServlet},
 * and the dev server's handler): Micrometer's Prometheus registry writes it, names in Prometheus form
 * ({@code arena.room.tick} is {@code arena_room_tick_seconds}, counters end in {@code _total}).
 */
public final class PrometheusText {
    /** The content type of {@link #of}. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {}

    /** A registry whose meters {@link #of} can write. */
    public static MeterRegistry newRegistry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    /** The text of every meter in {@code metrics}; its registry must be a Prometheus one ({@link #newRegistry}). */
    public static String of(Metrics metrics) {
        if (metrics.registry() instanceof PrometheusMeterRegistry prometheus) {
            return prometheus.scrape();
        }
        throw new IllegalArgumentException("not a Prometheus registry: " + metrics.registry().getClass().getName());
    }
}
