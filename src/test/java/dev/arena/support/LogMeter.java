package dev.arena.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * A real {@link java.util.logging} handler on the root logger that counts the bytes the server would write to its
 * log: every record formatted by a {@link SimpleFormatter} (message and stack trace), as a console or file handler
 * writes it. While it is attached, the given loggers are set to {@code INFO}, a server's default, whatever the test
 * logging configuration says (it quiets Tyrus and Grizzly to WARNING).
 */
public final class LogMeter implements AutoCloseable {
    private final Logger root = Logger.getLogger("");
    private final Map<Logger, Level> saved = new HashMap<>();
    private final List<Logger> held = new ArrayList<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final List<String> samples = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            String line = formatter.format(record);
            bytes.addAndGet(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            records.incrementAndGet();
            synchronized (samples) {
                if (samples.size() < 20) {
                    samples.add(line.length() > 600 ? line.substring(0, 600) + "…" : line);
                }
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    /** Starts counting; {@code loggers}: names to set to INFO meanwhile (e.g. "org.glassfish", "dev.arena"). */
    public LogMeter(String... loggers) {
        for (String name : loggers) {
            Logger logger = Logger.getLogger(name);
            held.add(logger); // strong reference: a logger's level is lost when it is collected
            saved.put(logger, logger.getLevel());
            logger.setLevel(Level.INFO);
        }
        handler.setLevel(Level.INFO);
        root.addHandler(handler);
    }

    public long bytes() {
        return bytes.get();
    }

    public long records() {
        return records.get();
    }

    /** The first few records, as logged (long ones cut). */
    public List<String> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        saved.forEach(Logger::setLevel);
    }
}
