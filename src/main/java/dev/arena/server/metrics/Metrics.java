package dev.arena.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * A small registry of named meters: counters, gauges read from a supplier, and histograms of durations with one
 * fixed, short list of buckets (0.25 ms to 100 ms, so a thousand rooms stay readable). Names are Micrometer's dotted
 * form ({@code arena.room.tick}); tags come in name/value pairs. It holds the JVM's memory and the process's CPU
 * meters too. It knows no owner of what it measures: callers pass names and suppliers. How the meters are shown is
 * not its business either: the registry given in is read by the transport ({@code dev.arena.transport.PrometheusText}
 * writes the Prometheus text of a Prometheus registry).
 */
public final class Metrics {
    private static final Duration[] BUCKETS = {
        Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2),
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(50),
        Duration.ofMillis(100)
    };

    private final MeterRegistry registry;

    /** Meters kept in {@code registry}, of this owner's own (no global registry: two worlds in one JVM count apart). */
    public Metrics(MeterRegistry registry) {
        this.registry = registry;
        new JvmMemoryMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    /** The registry the meters are kept in, for whatever shows them. */
    public MeterRegistry registry() {
        return registry;
    }

    /** The counter {@code name} with these tags, made on first use; {@code description} may be null. */
    public Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).tags(tags).description(description).register(registry);
    }

    /** A gauge that reads {@code value} whenever it is shown; {@link #remove} it when what it reads goes. */
    public Meter gauge(String name, String description, DoubleSupplier value, String... tags) {
        return Gauge.builder(name, value, DoubleSupplier::getAsDouble).tags(tags).description(description)
                .strongReference(true).register(registry);
    }

    /** A histogram of durations (shown in seconds) with the fixed buckets. */
    public Timer histogram(String name, String description, String... tags) {
        return Timer.builder(name).tags(tags).description(description).serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    public void remove(Meter... meters) {
        for (Meter m : meters) {
            registry.remove(m);
        }
    }
}
