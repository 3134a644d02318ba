/**
 * Metrics as names and suppliers: {@link dev.arena.server.metrics.Metrics}, a registry of counters, gauges and
 * histograms on a Micrometer registry, and the server's ({@link dev.arena.server.metrics.ArenaMetrics}) and each
 * room's ({@link dev.arena.server.metrics.RoomMetrics}) named meters on it. Imports Micrometer's core only: never its
 * parent {@code dev.arena.server}, nothing else of {@code dev.arena}, and no Prometheus (the transport writes the
 * text format: {@code dev.arena.transport.PrometheusText}).
 */
package dev.arena.server.metrics;
