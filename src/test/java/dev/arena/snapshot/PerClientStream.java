package dev.arena.snapshot;

import dev.arena.spi.Field;
import dev.arena.spi.Kind;
import dev.arena.spi.Phase;
import dev.arena.spi.Schema;
import dev.arena.spi.Score;
import dev.arena.spi.Viewer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The generic encoder as it was before issue 14's shared deltas (main at 2c06040, {@code ClientStream}): every
 * client diffs every entity it may see against its own copy of what it was told (clients x entities per tick).
 * Kept, unchanged but for its name, only so that {@link dev.arena.server.snapshot.StateEncodingBench} measures
 * before and after side by side in one JVM. Not used by the server.
 */
public final class PerClientStream {
    private final Schema schema;
    private final Viewer viewer;
    private final List<Map<Integer, Known>> known = new ArrayList<>();
    private boolean synced;
    private Phase phase;
    private List<Score> scores;

    /** Per kind: the fields this viewer sees on entities it does not own [0] and on those it owns [1]. */
    private final int[][][] visible;

    private record Known(long[] q, String[] texts) {}

    public PerClientStream(Schema schema, Viewer viewer) {
        this.schema = schema;
        this.viewer = viewer;
        this.visible = new int[schema.kinds().size()][][];
        for (int k = 0; k < schema.kinds().size(); k++) {
            known.add(new HashMap<>());
            Kind kind = schema.kinds().get(k);
            int others = viewer.player() == Integer.MAX_VALUE ? 1 : Integer.MAX_VALUE; // an owner that is not the viewer
            visible[k] = new int[][] {visibleFields(kind, others), visibleFields(kind, viewer.player())};
        }
    }

    public Viewer viewer() {
        return viewer;
    }

    /** The next delta is full. */
    public void resync() {
        synced = false;
    }

    public Delta next(Frame frame) {
        if (frame.schema != schema) {
            throw new IllegalArgumentException("a frame of another schema");
        }
        boolean full = !synced;
        if (full) {
            known.forEach(Map::clear);
        }
        int[] eye = eye(frame);
        List<Delta.Section> sections = new ArrayList<>();
        for (int k = 0; k < frame.kinds.length; k++) {
            Frame.Rows rows = frame.kinds[k];
            Kind kind = rows.kind;
            Map<Integer, Known> before = known.get(k);
            List<Delta.Op> ops = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < rows.ids.length; i++) {
                int owner = rows.owners[i];
                if (!kind.visibility().shows(viewer, owner) || !inView(rows, i, eye)) {
                    continue;
                }
                int id = rows.ids[i];
                seen.add(id);
                int[] fields = visible[k][owner != 0 && owner == viewer.player() ? 1 : 0];
                Known was = before.get(id);
                long[] q = rows.q[i];
                String[] texts = rows.texts[i];
                if (was == null) {
                    ops.add(new Delta.Op(Delta.OpCode.NEW, id, owner, fields, q, texts));
                } else {
                    int[] changed = null;
                    int n = 0;
                    for (int f : fields) {
                        if (was.q[f] != q[f] || (texts != null && !Objects.equals(was.texts[f], texts[f]))) {
                            if (changed == null) {
                                changed = new int[fields.length];
                            }
                            changed[n++] = f;
                        }
                    }
                    if (n > 0) {
                        ops.add(new Delta.Op(Delta.OpCode.SET, id, owner, Arrays.copyOf(changed, n), q, texts));
                    }
                }
                before.put(id, new Known(q, texts));
            }
            for (var it = before.keySet().iterator(); it.hasNext(); ) {
                int id = it.next();
                if (!seen.contains(id)) {
                    ops.add(new Delta.Op(Delta.OpCode.GONE, id, 0, new int[0], null, null));
                    it.remove();
                }
            }
            if (!ops.isEmpty()) {
                sections.add(new Delta.Section(k, kind, ops));
            }
        }
        Phase newPhase = full || !frame.phase.equals(phase) ? frame.phase : null;
        List<Score> newScores = full || !frame.scores.equals(scores) ? frame.scores : null;
        phase = frame.phase;
        scores = frame.scores;
        synced = true;
        return new Delta(frame.tick, full, newPhase, newScores, sections);
    }

    /** The fields of an entity of {@code kind} owned by {@code owner} that this viewer sees, in field order. */
    private int[] visibleFields(Kind kind, int owner) {
        return kind.fields().stream().filter(f -> f.visibility().shows(viewer, owner)).mapToInt(Field::index).toArray();
    }

    /** {column, row} of the viewer's eye, or null: sees everything. */
    private int[] eye(Frame frame) {
        if (frame.cellSize <= 0 || viewer.player() == 0) {
            return null;
        }
        for (Frame.Rows rows : frame.kinds) {
            if (rows.kind.hasPosition()) {
                for (int i = 0; i < rows.ids.length; i++) {
                    if (rows.owners[i] == viewer.player()) {
                        return new int[] {rows.column[i], rows.row[i]};
                    }
                }
            }
        }
        return null;
    }

    private boolean inView(Frame.Rows rows, int i, int[] eye) {
        if (eye == null || !rows.kind.hasPosition() || rows.owners[i] == viewer.player()) {
            return true;
        }
        return Math.abs((long) rows.column[i] - eye[0]) <= 1 && Math.abs((long) rows.row[i] - eye[1]) <= 1;
    }
}
