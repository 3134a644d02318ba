package dev.arena.snapshot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What one view sees of a frame, and what changed for it between two frames: the ops ({@code new}, {@code set},
 * {@code gone}) of one kind ({@link #diff}), which rows are in view (its own entities always; others by its role's
 * visibility profile and, with interest cells, in the 3 x 3 cells around its eye), and which fields of a row changed.
 * Used by {@link ClientStream} for a viewer's own sections and by {@link CellChunks} for a group's shared ones.
 */
final class ViewDiff {
    private ViewDiff() {}

    /** An eye cell. */
    record Eye(int column, int row) {}

    /**
     * Whose eyes a delta is made for: a viewer ({@code player} its id; its own entities are always in view, with the
     * owner's fields) or a group ({@code player} -1: every entity as others see it).
     */
    record View(int player, ViewProfile profile, Eye eye) {
        int[] fields(int k, int owner) {
            return player > 0 && owner == player ? profile.own[k] : profile.others[k];
        }
    }

    static List<Delta.Op> diff(Frame before, Frame now, int k, View vb, View vn) {
        List<Delta.Op> ops = new ArrayList<>();
        Frame.Rows rn = now.kinds[k];
        Frame.Rows rb = before == null ? null : before.kinds[k];
        if (!vn.profile.kindOthers[k] && !vn.profile.kindOwn[k]) {
            return ops;
        }
        int[] cn = candidates(now, k, vn);
        for (int x = 0, n = cn == null ? rn.ids.length : cn.length; x < n; x++) {
            int i = cn == null ? x : cn[x];
            if (!visible(rn, k, i, vn)) {
                continue;
            }
            int owner = rn.owners[i];
            int[] fields = vn.fields(k, owner);
            int j = rb == null ? -1 : rb.indexOf(rn.ids[i]);
            if (j < 0 || rb.owners[j] != owner || !visible(rb, k, j, vb)) {
                ops.add(new Delta.Op(Delta.OpCode.NEW, rn.ids[i], owner, fields, rn.q[i], rn.texts[i]));
            } else {
                int[] changed = changed(fields, rb, j, rn, i);
                if (changed != null) {
                    ops.add(new Delta.Op(Delta.OpCode.SET, rn.ids[i], owner, changed, rn.q[i], rn.texts[i]));
                }
            }
        }
        if (rb != null) {
            int[] cb = candidates(before, k, vb);
            for (int x = 0, n = cb == null ? rb.ids.length : cb.length; x < n; x++) {
                int j = cb == null ? x : cb[x];
                if (visible(rb, k, j, vb)) {
                    int i = rn.indexOf(rb.ids[j]);
                    if (i < 0 || !visible(rn, k, i, vn)) { // still in view under another owner: its new op replaces it
                        ops.add(new Delta.Op(Delta.OpCode.GONE, rb.ids[j], 0, new int[0], null, null));
                    }
                }
            }
        }
        return ops;
    }

    /** Those of {@code fields} whose values differ between row {@code j} of {@code rb} and {@code i} of {@code rn}. */
    static int[] changed(int[] fields, Frame.Rows rb, int j, Frame.Rows rn, int i) {
        long[] was = rb.q[j];
        long[] q = rn.q[i];
        String[] wasTexts = rb.texts[j];
        String[] texts = rn.texts[i];
        int[] changed = null;
        int n = 0;
        for (int f : fields) {
            if (was[f] != q[f] || (texts != null && !Objects.equals(wasTexts[f], texts[f]))) {
                if (changed == null) {
                    changed = new int[fields.length];
                }
                changed[n++] = f;
            }
        }
        return changed == null ? null : n == changed.length ? changed : Arrays.copyOf(changed, n);
    }

    /** The rows of kind {@code k} that may be in view of {@code v}: those in its 3 x 3 cells and its own; null: all. */
    static int[] candidates(Frame f, int k, View v) {
        Frame.Rows rows = f.kinds[k];
        if (v.eye == null || !rows.celled()) {
            return null;
        }
        int[] out = new int[16];
        int n = 0;
        for (int r = v.eye.row() - 1; r <= v.eye.row() + 1; r++) {
            for (int c = v.eye.column() - 1; c <= v.eye.column() + 1; c++) {
                int slot = rows.cell(c, r);
                if (slot < 0) {
                    continue;
                }
                for (int at = rows.cellStart(slot), end = at + rows.cellCount(slot); at < end; at++) {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = rows.cellRow(at);
                }
            }
        }
        if (v.player > 0) {
            for (long e : f.owned(v.player)) {
                int i = (int) e;
                if ((int) (e >>> 32) == k && !near(rows, i, v.eye)) {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = i;
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    static boolean visible(Frame.Rows rows, int k, int i, View v) {
        boolean own = v.player > 0 && rows.owners[i] == v.player;
        if (!(own ? v.profile.kindOwn[k] : v.profile.kindOthers[k])) {
            return false;
        }
        return own || v.eye == null || !rows.celled() || near(rows, i, v.eye);
    }

    static boolean near(Frame.Rows rows, int i, Eye eye) {
        return Math.abs((long) rows.column[i] - eye.column()) <= 1 && Math.abs((long) rows.row[i] - eye.row()) <= 1;
    }

    /** The viewer's eye cell: its first positioned entity's, or null (sees everything). */
    static Eye eye(Frame frame, int player) {
        if (frame.cellSize <= 0 || player == 0) {
            return null;
        }
        for (long e : frame.owned(player)) {
            Frame.Rows rows = frame.kinds[(int) (e >>> 32)];
            if (rows.kind.hasPosition()) {
                int i = (int) e;
                return new Eye(rows.column[i], rows.row[i]);
            }
        }
        return null;
    }
}
