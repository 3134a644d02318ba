package dev.arena.snapshot;

import dev.arena.spi.Field;
import dev.arena.spi.FieldType;
import dev.arena.spi.Kind;
import dev.arena.spi.Match;
import dev.arena.spi.Phase;
import dev.arena.spi.Schema;
import dev.arena.spi.Score;
import dev.arena.spi.State;
import dev.arena.spi.Table;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A room's state after one tick as it travels: every entity's values quantised (decimals as whole numbers of
 * {@code 1 / scale}), its interest cell, the phase and the scores. Made once per tick by the tick thread, then read
 * by every client's {@link ClientStream}; immutable after construction, apart from its cache of shared deltas
 * (thread-safe: streams on several sender threads may read one frame at once).
 *
 * <p>Interest management: with {@code cellSize > 0} the map is cut into square cells; an entity with a position is
 * in view of a viewer whose eye (the first positioned entity it owns) is in the same cell or one of the eight around
 * it. Entities without a position, the viewer's own entities, and everything for a viewer without an eye (screens,
 * spectators) are always in view. {@code cellSize} 0: everything is in view.
 *
 * <p>Shared work: what every viewer of one group (the same visibility profile, the same last frame and the same eye
 * cell in both frames) is sent is computed once per frame and group ({@link #shared}), not once per client.
 */
public final class Frame {
    private static final AtomicLong SERIALS = new AtomicLong();

    final Schema schema;
    final long serial = SERIALS.incrementAndGet();
    final long tick;
    final Phase phase;
    final List<Score> scores;
    final double cellSize;
    final Rows[] kinds;
    /** Player id to the entities it owns, each {@code kindIndex << 32 | row}, in kind order then table order. */
    private final Map<Integer, long[]> owned = new HashMap<>();
    private final Map<Object, Delta.Shared> shared = new ConcurrentHashMap<>();
    private final Map<Object, Object> parts = new ConcurrentHashMap<>();

    /** The entities of one kind, in table order. */
    static final class Rows {
        final Kind kind;
        final int[] ids;
        final int[] owners;
        final long[][] q;
        final String[][] texts;
        final int[] column;
        final int[] row;
        /** Open addressing: id to row + 1 (0: empty). */
        private final int[] slots;
        /**
         * With cells (else null): open addressing from a cell ({@link #cellKey}) to its rows, which are
         * {@code cellRows[cellStart[slot] .. cellStart[slot] + cellCount[slot]]}, ascending.
         */
        private final long[] cellKeys;
        private int[] cellStart;
        private int[] cellCount;
        private int[] cellRows;
        private int[] slotOf;

        Rows(Kind kind, int n, boolean celled) {
            this.kind = kind;
            this.ids = new int[n];
            this.owners = new int[n];
            this.q = new long[n][];
            this.texts = new String[n][];
            this.column = new int[n];
            this.row = new int[n];
            this.slots = new int[Integer.highestOneBit(Math.max(4, n * 2)) << 1];
            this.cellKeys = celled ? new long[slots.length] : null;
        }

        /** The row of an id, or -1. */
        int indexOf(int id) {
            int mask = slots.length - 1;
            for (int s = mix(id) & mask; ; s = (s + 1) & mask) {
                int r = slots[s];
                if (r == 0) {
                    return -1;
                }
                if (ids[r - 1] == id) {
                    return r - 1;
                }
            }
        }

        /** The slot of a cell in {@link #cellStart} and {@link #cellCount}, or -1: no entity there. */
        int cell(int column, int row) {
            long key = cellKey(column, row);
            int mask = cellKeys.length - 1;
            for (int s = mix(key) & mask; ; s = (s + 1) & mask) {
                if (cellCount[s] == 0) {
                    return -1;
                }
                if (cellKeys[s] == key) {
                    return s;
                }
            }
        }

        int cellStart(int slot) {
            return cellStart[slot];
        }

        int cellCount(int slot) {
            return cellCount[slot];
        }

        /** The row at {@code position} of {@link #cellRows} (a cell's rows are {@code cellStart .. + cellCount}). */
        int cellRow(int position) {
            return cellRows[position];
        }

        boolean celled() {
            return cellKeys != null;
        }

        /** How many cell slots there are (with cells). */
        int cellSlots() {
            return cellKeys.length;
        }

        /** The cell slot of row {@code i} (with cells). */
        int slotOf(int i) {
            return slotOf[i];
        }

        private void index() {
            int mask = slots.length - 1;
            for (int i = 0; i < ids.length; i++) {
                int s = mix(ids[i]) & mask;
                while (slots[s] != 0) {
                    s = (s + 1) & mask;
                }
                slots[s] = i + 1;
            }
            if (cellKeys != null) {
                int cellMask = cellKeys.length - 1;
                cellCount = new int[cellKeys.length];
                cellStart = new int[cellKeys.length];
                cellRows = new int[ids.length];
                slotOf = new int[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    long key = cellKey(column[i], row[i]);
                    int s = mix(key) & cellMask;
                    while (cellCount[s] != 0 && cellKeys[s] != key) {
                        s = (s + 1) & cellMask;
                    }
                    cellKeys[s] = key;
                    cellCount[s]++;
                    slotOf[i] = s;
                }
                for (int s = 0, at = 0; s < cellCount.length; s++) {
                    cellStart[s] = at;
                    at += cellCount[s];
                }
                int[] filled = new int[cellKeys.length];
                for (int i = 0; i < ids.length; i++) {
                    int s = slotOf[i];
                    cellRows[cellStart[s] + filled[s]++] = i;
                }
            }
        }

        private static int mix(int id) {
            return id * 0x9E3779B9 >>> 7;
        }

        private static int mix(long key) {
            return (int) ((key * 0x9E3779B97F4A7C15L) >>> 35);
        }
    }

    static long cellKey(int column, int row) {
        return (long) column << 32 | (row & 0xffffffffL);
    }

    private Frame(State state, long tick, Phase phase, List<Score> scores, double cellSize) {
        this.schema = state.schema();
        this.tick = tick;
        this.phase = phase;
        this.scores = List.copyOf(scores);
        this.cellSize = cellSize;
        List<Kind> all = schema.kinds();
        this.kinds = new Rows[all.size()];
        boolean anyOwned = false;
        for (int k = 0; k < kinds.length; k++) {
            Table table = state.table(k);
            Kind kind = all.get(k);
            int[] ids = table.ids();
            boolean celled = kind.hasPosition() && cellSize > 0;
            Rows rows = new Rows(kind, ids.length, celled);
            for (int i = 0; i < ids.length; i++) {
                int id = ids[i];
                rows.ids[i] = id;
                int owner = table.owner(id);
                rows.owners[i] = owner;
                long[] q = new long[kind.fields().size()];
                String[] texts = null;
                for (Field f : kind.fields()) {
                    FieldType t = f.type();
                    if (t instanceof FieldType.Int) {
                        q[f.index()] = table.integer(id, f);
                    } else if (t instanceof FieldType.Decimal d) {
                        q[f.index()] = d.quantise(table.decimal(id, f));
                    } else if (t instanceof FieldType.Bool) {
                        q[f.index()] = table.bool(id, f) ? 1 : 0;
                    } else if (t instanceof FieldType.Choice) {
                        q[f.index()] = table.choice(id, f);
                    } else {
                        if (texts == null) {
                            texts = new String[q.length];
                        }
                        texts[f.index()] = table.text(id, f);
                    }
                }
                rows.q[i] = q;
                rows.texts[i] = texts;
                if (celled) {
                    rows.column[i] = (int) Math.floor(table.decimal(id, kind.x()) / cellSize);
                    rows.row[i] = (int) Math.floor(table.decimal(id, kind.y()) / cellSize);
                }
                anyOwned |= owner != 0;
            }
            rows.index();
            kinds[k] = rows;
        }
        if (anyOwned) {
            indexOwners();
        }
    }

    /** Fills {@link #owned}: two passes, so that a player owning many entities costs no more than many players. */
    private void indexOwners() {
        Map<Integer, int[]> counts = new HashMap<>();
        for (Rows rows : kinds) {
            for (int owner : rows.owners) {
                if (owner != 0) {
                    counts.computeIfAbsent(owner, o -> new int[1])[0]++;
                }
            }
        }
        for (int k = 0; k < kinds.length; k++) {
            int[] rowOwners = kinds[k].owners;
            for (int i = 0; i < rowOwners.length; i++) {
                int owner = rowOwners[i];
                if (owner != 0) {
                    int[] n = counts.get(owner);
                    long[] e = owned.computeIfAbsent(owner, o -> new long[n[0]]);
                    e[e.length - n[0]--] = (long) k << 32 | i;
                }
            }
        }
    }

    /** The frame of a match after its latest step. */
    public static Frame of(Match match, double cellSize) {
        return new Frame(match.state(), match.tick(), match.phase(), match.scores(), cellSize);
    }

    public static Frame of(State state, long tick, Phase phase, List<Score> scores, double cellSize) {
        if (!(cellSize >= 0) || Double.isInfinite(cellSize)) {
            throw new IllegalArgumentException("cell size must be finite and >= 0: " + cellSize);
        }
        return new Frame(state, tick, phase, scores, cellSize);
    }

    public long tick() {
        return tick;
    }

    /** The entities {@code player} owns ({@code kindIndex << 32 | row}), in kind order then table order. */
    long[] owned(int player) {
        long[] e = owned.get(player);
        return e == null ? ClientStream.NO_ENTITIES : e;
    }

    /** Something made once from this frame for several groups (their common parts), by the first that asks. */
    Object cached(Object key, Function<Object, Object> make) {
        return parts.computeIfAbsent(key, make);
    }

    /** The part of a delta every viewer of {@code group} gets, made once by the first stream that asks. */
    Delta.Shared shared(Object group, Function<Object, Delta.Shared> make) {
        return shared.computeIfAbsent(group, make);
    }
}
