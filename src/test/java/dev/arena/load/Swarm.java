package dev.arena.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The bots: each joins a room and moves in one of two ways ({@code motion}): {@code walk} holds a random direction
 * (one of eight) that it changes about every {@code turnEveryMs} (± 20 %), and may stand against a wall;
 * {@code every-tick} moves in every tick: a random one of the eight directions, turned round every
 * {@code turnEveryMs} (phases spread over the bots), so after its first leg it never touches a wall;
 * {@code turn-every-tick}, the worst case for delta snapshots, turns round at every input, so its held direction
 * changes in nearly every tick. Either way it sends its held direction every {@code inputEveryMs}. Over a measuring window it
 * counts its snapshots, their inter-arrival gaps, the bytes it receives, and for each input the time until the
 * first snapshot whose own-player {@code seq} acknowledges it. Two driver threads send the bots' inputs; the
 * bots' snapshots arrive on the HttpClients' threads.
 */
final class Swarm implements AutoCloseable {
    private static final int BATCH = 50;

    private final URI uri;
    private final List<HttpClient> https;
    private final BotClient.Connector connector;
    private final LoadGenerator.Settings settings;
    private final List<Bot> bots = new CopyOnWriteArrayList<>();
    /** Threads sending the bots' inputs (each input is written to its socket on the thread that sends it). */
    private static final int DRIVERS = 2;
    private final ScheduledExecutorService driver = Executors.newScheduledThreadPool(DRIVERS, r -> {
        Thread t = new Thread(r, "bots-driver");
        t.setDaemon(true);
        return t;
    });
    private final Histogram gaps = new Histogram();
    private final Histogram latency = new Histogram();
    private volatile boolean measuring;
    private volatile boolean closing;
    private long windowStart;

    /** With {@code connector} null the bots run on the JDK's client over {@code https}, else on the connector's. */
    Swarm(URI uri, List<HttpClient> https, BotClient.Connector connector, LoadGenerator.Settings settings) {
        this.uri = uri;
        this.https = https;
        this.connector = connector;
        this.settings = settings;
        for (int k = 0; k < DRIVERS; k++) {
            int slice = k;
            driver.scheduleAtFixedRate(() -> drive(slice), 5, 5, TimeUnit.MILLISECONDS);
        }
    }

    /** Adds bots, a batch at a time (each batch joined before the next), until there are {@code n}. */
    void growTo(int n) throws Exception {
        while (bots.size() < n) {
            int batch = Math.min(BATCH, n - bots.size());
            List<CompletableFuture<Bot>> joining = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                int index = bots.size() + i;
                Bot bot = new Bot(index);
                String room = "load-" + (index % settings.rooms());
                CompletableFuture<BotClient> connected = connector != null ? connector.connect(uri, bot.compact, bot)
                        : JdkBots.connect(uri, bot.compact, https.get(index % https.size()), bot);
                joining.add(connected
                        .thenCompose(client -> {
                            bot.client = client;
                            return client.join("bot" + index, room);
                        })
                        .thenApply(welcome -> bot));
                if (connector != null) {
                    Thread.sleep(2); // these clients connect on a small pool; a burst of handshakes only queues
                }
            }
            CompletableFuture.allOf(joining.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            for (CompletableFuture<Bot> f : joining) {
                Bot bot = f.join();
                bot.start(System.nanoTime());
                bots.add(bot);
            }
            Thread.sleep(100);
        }
    }

    void startWindow() {
        gaps.reset();
        latency.reset();
        for (Bot b : bots) {
            b.resetWindow();
        }
        windowStart = System.nanoTime();
        measuring = true;
    }

    /** What a window measured. Rates are per bot; gaps and latencies in milliseconds. */
    record Window(int bots, double rateMean, double rate1st, double gapP50, double gapP99, double latencyP50,
            double latencyP99, double kibCompact, double kibJson, int dropped) {
        /** KiB/s per bot received, per format ("compact / json" side by side in a mixed run). */
        String kib() {
            if (Double.isNaN(kibJson)) {
                return String.format(java.util.Locale.ROOT, "%.1f", kibCompact);
            }
            if (Double.isNaN(kibCompact)) {
                return String.format(java.util.Locale.ROOT, "%.1f", kibJson);
            }
            return String.format(java.util.Locale.ROOT, "%.1f compact / %.1f json", kibCompact, kibJson);
        }
    }

    Window endWindow() {
        measuring = false;
        double seconds = (System.nanoTime() - windowStart) / 1e9;
        int n = bots.size();
        double[] rates = new double[n];
        long[] bytes = new long[2];
        int[] count = new int[2];
        int dropped = 0;
        for (int i = 0; i < n; i++) {
            Bot b = bots.get(i);
            rates[i] = b.frames / seconds;
            bytes[b.compact ? 0 : 1] += b.client.bytesReceived() - b.bytesAtStart;
            count[b.compact ? 0 : 1]++;
            if (b.dropped) {
                dropped++;
            }
        }
        Arrays.sort(rates);
        double mean = Arrays.stream(rates).average().orElse(0);
        double first = n == 0 ? 0 : rates[(int) Math.floor(0.01 * (n - 1))];
        return new Window(n, mean, first, gaps.percentile(0.5), gaps.percentile(0.99), latency.percentile(0.5),
                latency.percentile(0.99), kib(bytes[0], count[0], seconds), kib(bytes[1], count[1], seconds),
                dropped);
    }

    private static double kib(long bytes, int bots, double seconds) {
        return bots == 0 ? Double.NaN : bytes / (double) bots / seconds / 1024;
    }

    /** Every bot whose index is {@code slice} modulo {@link #DRIVERS}. */
    private void drive(int slice) {
        long now = System.nanoTime();
        for (int i = slice; i < bots.size(); i += DRIVERS) {
            bots.get(i).drive(now);
        }
    }

    @Override
    public void close() {
        closing = true;
        driver.shutdownNow();
        for (Bot b : bots) {
            try {
                b.client.close();
            } catch (RuntimeException e) {
                // closing anyway
            }
        }
    }

    /** How many bots negotiated which extensions, e.g. {@code permessage-deflate: 1000}. */
    String extensions() {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        for (Bot b : bots) {
            counts.merge(b.client.extensions(), 1, Integer::sum);
        }
        StringBuilder s = new StringBuilder();
        counts.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(": ").append(v));
        return s.length() == 0 ? "no bots" : s.toString();
    }

    private final class Bot implements BotClient.Listener {
        private final SplittableRandom random;
        volatile BotClient client;
        private int dx;
        private int dy;
        private long nextTurn;
        private long nextInput;
        private boolean started;
        // pending inputs: a ring of (seq, sent at)
        private final long[] seqs = new long[64];
        private final long[] sentAt = new long[64];
        private int head;
        private int tail;
        // window figures, written by the bot's HttpClient thread
        volatile int frames;
        private long lastArrival;
        long bytesAtStart;
        volatile boolean dropped;
        final boolean compact;

        Bot(int index) {
            this.random = new SplittableRandom(index * 7919L + 1);
            this.compact = switch (settings.format()) {
                case "json" -> false;
                case "mixed" -> index % 2 == 0;
                default -> true;
            };
        }

        void start(long now) {
            nextTurn = now;
            nextInput = now + random.nextLong(TimeUnit.MILLISECONDS.toNanos(settings.inputEveryMs()));
            started = true;
        }

        void resetWindow() {
            frames = 0;
            bytesAtStart = client.bytesReceived();
        }

        /** On the driver thread. */
        void drive(long now) {
            if (!started || dropped) {
                return;
            }
            boolean turn = now >= nextTurn;
            if (turn && settings.everyTick()) {
                // back and forth: a wall can block only the first leg; after it the bot never touches one
                long every = TimeUnit.MILLISECONDS.toNanos(settings.motion().equals("turn-every-tick")
                        ? settings.inputEveryMs() : settings.turnEveryMs());
                if (dx == 0 && dy == 0) {
                    int d = random.nextInt(8);
                    int code = d < 4 ? d : d + 1; // 0..8 without 4 (standing still)
                    dx = code / 3 - 1;
                    dy = code % 3 - 1;
                    nextTurn = now + random.nextLong(every) + 1; // phases spread over the bots
                } else {
                    dx = -dx;
                    dy = -dy;
                    nextTurn = now + every;
                }
            } else if (turn) {
                int d = random.nextInt(8);
                int code = d < 4 ? d : d + 1; // 0..8 without 4 (standing still)
                dx = code / 3 - 1;
                dy = code % 3 - 1;
                long every = TimeUnit.MILLISECONDS.toNanos(settings.turnEveryMs());
                nextTurn = now + every * 8 / 10 + random.nextLong(every * 4 / 10 + 1);
            }
            if (turn || now >= nextInput) {
                nextInput = now + TimeUnit.MILLISECONDS.toNanos(settings.inputEveryMs());
                long sent = System.nanoTime();
                long seq;
                try {
                    seq = client.input(dx, dy);
                } catch (RuntimeException e) {
                    return;
                }
                synchronized (this) {
                    if (tail - head < seqs.length) {
                        seqs[tail % seqs.length] = seq;
                        sentAt[tail % seqs.length] = sent;
                        tail++;
                    }
                }
            }
        }

        @Override
        public void frame(long tick, long ack, int bytes) {
            long now = System.nanoTime();
            boolean inWindow = measuring;
            if (inWindow) {
                frames++;
                if (lastArrival > 0) {
                    gaps.record(now - lastArrival);
                }
                lastArrival = now;
            } else {
                lastArrival = 0;
            }
            synchronized (this) {
                while (head < tail && seqs[head % seqs.length] <= ack) {
                    if (inWindow) {
                        latency.record(now - sentAt[head % seqs.length]);
                    }
                    head++;
                }
            }
        }

        @Override
        public void closed(int code, String reason) {
            if (!closing) {
                dropped = true;
                System.err.println("bot connection closed: " + code + " " + reason);
            }
        }
    }

    /** Durations in 0.1 ms buckets up to 10 s; thread-safe. */
    static final class Histogram {
        private static final int BUCKETS = 100_000;
        private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

        void record(long nanos) {
            int bucket = (int) Math.min(BUCKETS - 1, nanos / 100_000);
            counts.incrementAndGet(bucket);
        }

        void reset() {
            for (int i = 0; i < BUCKETS; i++) {
                counts.set(i, 0);
            }
        }

        /** In milliseconds (the bucket's upper edge), NaN when empty. */
        double percentile(double q) {
            long total = 0;
            for (int i = 0; i < BUCKETS; i++) {
                total += counts.get(i);
            }
            if (total == 0) {
                return Double.NaN;
            }
            long rank = (long) Math.ceil(q * total);
            long seen = 0;
            for (int i = 0; i < BUCKETS; i++) {
                seen += counts.get(i);
                if (seen >= rank) {
                    return (i + 1) / 10.0;
                }
            }
            return BUCKETS / 10.0;
        }
    }
}
