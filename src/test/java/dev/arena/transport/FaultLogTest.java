package dev.arena.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Logging of connection faults stays bounded: no stack for a client's fault, one unexpected error a minute. */
class FaultLogTest {
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getAnonymousLogger();
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final FaultLog faults = new FaultLog(logger, clock::get);

    FaultLogTest() {
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.ALL);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
    }

    @Test
    void aClientsFaultIsOneFineLineWithoutAStackTraceOrASessionDump() {
        faults.clientFault("s1", new java.io.IOException("broken pipe\n" + "x".repeat(5000)));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.FINE);
            assertThat(r.getThrown()).isNull();
            assertThat(r.getMessage()).doesNotContain("\n").hasSizeLessThan(260);
        });
    }

    @Test
    void unexpectedErrorsAreLoggedWithTheirStackAtMostOnceAMinuteAndTheRestCounted() {
        for (int i = 0; i < 10_000; i++) {
            faults.unexpected("s" + i, new IllegalStateException("boom"));
            clock.addAndGet(5); // 50 s in all
        }
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            assertThat(r.getThrown()).isInstanceOf(IllegalStateException.class);
        });
        clock.addAndGet(FaultLog.INTERVAL_MILLIS);
        assertThat(faults.unexpected("later", new IllegalStateException("boom"))).isTrue();
        assertThat(records).hasSize(2);
        assertThat(records.get(1).getMessage()).contains("9999 more");
    }
}
