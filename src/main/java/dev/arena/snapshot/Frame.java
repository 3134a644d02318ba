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
import java.util.List;

/**
 * A room's state after one tick as it travels: every entity's values quantised (decimals as whole numbers of
 * {@code 1 / scale}), its interest cell, the phase and the scores. Made once per tick by the tick thread, then read
 * by every client's {@link ClientStream}; immutable after construction.
 *
 * <p>Interest management: with {@code cellSize > 0} the map is cut into square cells; an entity with a position is
 * in view of a viewer whose eye (the first positioned entity it owns) is in the same cell or one of the eight around
 * it. Entities without a position, the viewer's own entities, and everything for a viewer without an eye (screens,
 * spectators) are always in view. {@code cellSize} 0: everything is in view.
 */
public final class Frame {
    final Schema schema;
    final long tick;
    final Phase phase;
    final List<Score> scores;
    final double cellSize;
    final Rows[] kinds;

    /** The entities of one kind, in table order. */
    static final class Rows {
        final Kind kind;
        final int[] ids;
        final int[] owners;
        final long[][] q;
        final String[][] texts;
        final int[] column;
        final int[] row;

        Rows(Kind kind, int n) {
            this.kind = kind;
            this.ids = new int[n];
            this.owners = new int[n];
            this.q = new long[n][];
            this.texts = new String[n][];
            this.column = new int[n];
            this.row = new int[n];
        }
    }

    private Frame(State state, long tick, Phase phase, List<Score> scores, double cellSize) {
        this.schema = state.schema();
        this.tick = tick;
        this.phase = phase;
        this.scores = List.copyOf(scores);
        this.cellSize = cellSize;
        List<Kind> all = schema.kinds();
        this.kinds = new Rows[all.size()];
        for (int k = 0; k < kinds.length; k++) {
            Table table = state.table(k);
            Kind kind = all.get(k);
            int[] ids = table.ids();
            Rows rows = new Rows(kind, ids.length);
            for (int i = 0; i < ids.length; i++) {
                int id = ids[i];
                rows.ids[i] = id;
                rows.owners[i] = table.owner(id);
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
                if (kind.hasPosition() && cellSize > 0) {
                    rows.column[i] = (int) Math.floor(table.decimal(id, kind.x()) / cellSize);
                    rows.row[i] = (int) Math.floor(table.decimal(id, kind.y()) / cellSize);
                }
            }
            kinds[k] = rows;
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
}
