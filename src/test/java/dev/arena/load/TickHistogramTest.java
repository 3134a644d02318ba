package dev.arena.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TickHistogramTest {
    private static String reading(int upTo5, int upTo10, int upTo20, int all) {
        return "# TYPE arena_tick_seconds histogram\n"
                + "arena_tick_seconds_bucket{le=\"0.005\"} " + upTo5 + "\n"
                + "arena_tick_seconds_bucket{le=\"0.01\"} " + upTo10 + "\n"
                + "arena_tick_seconds_bucket{le=\"0.02\"} " + upTo20 + "\n"
                + "arena_tick_seconds_bucket{le=\"+Inf\"} " + all + "\n"
                + "arena_tick_seconds_count " + all + "\n";
    }

    @Test
    void theWindowIsTheDifferenceOfTwoReadingsAndItsShareOver10MsIsExact() {
        TickHistogram before = TickHistogram.parse(reading(100, 100, 100, 100));
        // the window: 1,000 ticks, 980 up to 5 ms, 8 in 5-10 ms, 12 in 10-20 ms
        TickHistogram after = TickHistogram.parse(reading(1080, 1088, 1100, 1100));

        TickHistogram.Percentiles p = after.since(before);

        assertThat(p.ticks()).isEqualTo(1000);
        assertThat(p.over10Millis()).isCloseTo(0.012, within(1e-12));
        // the 990th tick is the 2nd of the 12 in 10-20 ms: interpolated, 10 + 2/12 of 10 ms
        assertThat(p.p99Millis()).isCloseTo(10 + 10 * 2.0 / 12, within(1e-9));
        assertThat(p.p50Millis()).isCloseTo(5 * 500.0 / 980, within(1e-9));
    }

    @Test
    void aTailOfUnderOnePercentOver10MsKeepsTheP99Under10Ms() {
        TickHistogram.Percentiles p = TickHistogram.parse(reading(980, 992, 1000, 1000))
                .since(TickHistogram.parse(reading(0, 0, 0, 0)));

        assertThat(p.over10Millis()).isCloseTo(0.008, within(1e-12));
        assertThat(p.p99Millis()).isBetween(5.0, 10.0);
    }
}
