/**
 * Metrics as names and suppliers: {@link dev.arena.server.metrics.Metrics}, a registry of counters, gauges and
 * histograms on a Micrometer registry, and the server's and each room's named meters on it. Imports Micrometer's core
 * only: nothing of {@code dev.arena}, no Prometheus (the transport writes the text format).
 */
package dev.arena.server.metrics;
