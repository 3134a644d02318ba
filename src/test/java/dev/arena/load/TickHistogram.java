package dev.arena.load;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's whole-tick histogram ({@code arena_tick_seconds_bucket}) read from its {@code /metrics}; the
 * difference of two readings gives the ticks of a window, and percentiles interpolate linearly within a bucket.
 */
final class TickHistogram {
    private static final Pattern BUCKET = Pattern.compile("^arena_tick_seconds_bucket\\{le=\"([^\"]+)\"} ([0-9.eE+]+)$");

    private final TreeMap<Double, Double> cumulative; // upper bound in seconds -> ticks at or below

    private TickHistogram(TreeMap<Double, Double> cumulative) {
        this.cumulative = cumulative;
    }

    static TickHistogram scrape(URI metrics) throws IOException, InterruptedException {
        return parse(LoadGenerator.get(metrics).body());
    }

    /** The histogram in a {@code /metrics} text. */
    static TickHistogram parse(String metricsText) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (String line : metricsText.split("\n")) {
            Matcher m = BUCKET.matcher(line.trim());
            if (m.matches()) {
                double le = m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1));
                buckets.put(le, Double.parseDouble(m.group(2)));
            }
        }
        return new TickHistogram(buckets);
    }

    /**
     * {@code over10Millis}: the share of the window's ticks that took more than 10 ms (a bucket bound, so exact),
     * which says more about the tail than a p99 interpolated inside the 10-20 ms bucket.
     */
    record Percentiles(double p50Millis, double p99Millis, double ticks, double over10Millis) {}

    Percentiles since(TickHistogram earlier) {
        TreeMap<Double, Double> diff = new TreeMap<>();
        for (Map.Entry<Double, Double> e : cumulative.entrySet()) {
            diff.put(e.getKey(), e.getValue() - earlier.cumulative.getOrDefault(e.getKey(), 0.0));
        }
        double total = diff.isEmpty() ? 0 : diff.lastEntry().getValue();
        Double upTo10 = diff.get(0.010);
        double over10 = total <= 0 || upTo10 == null ? Double.NaN : (total - upTo10) / total;
        return new Percentiles(percentile(diff, total, 0.50), percentile(diff, total, 0.99), total, over10);
    }

    private static double percentile(TreeMap<Double, Double> diff, double total, double q) {
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> e : diff.entrySet()) {
            if (e.getValue() >= rank) {
                if (Double.isInfinite(e.getKey())) {
                    return lowerBound * 1000; // beyond the last bound: report the bound ("more than")
                }
                double inBucket = e.getValue() - lowerCount;
                double fraction = inBucket <= 0 ? 1 : (rank - lowerCount) / inBucket;
                return (lowerBound + fraction * (e.getKey() - lowerBound)) * 1000;
            }
            lowerBound = e.getKey();
            lowerCount = e.getValue();
        }
        return lowerBound * 1000;
    }
}
