package dev.arena.snapshot;

import dev.arena.snapshot.ViewDiff.Eye;
import dev.arena.snapshot.ViewDiff.View;
import dev.arena.spi.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One positioned kind's ops between two frames, per interest cell, made and encoded once for every group of one
 * visibility profile ({@link ViewProfile}) whose eye stays in its cell: what stayed in a cell (its changed fields),
 * what arrived in the room in a cell (new) and what left the room from a cell (gone), as shared chunks; what crossed
 * from one cell to another, with both its {@code set} and its {@code new} op ready, since which one a group needs
 * depends on whether it saw the entity's old cell. {@link #section} puts a group's section together from the chunks
 * of its 3 x 3 cells: every {@code gone} first, so that an id that went and came back under another owner ends as
 * the new one. Immutable once made (made inside {@link Frame}'s cache, which publishes it).
 */
final class CellChunks {
    /** Ops and their bytes, encoded once. */
    private static final class Chunk {
        final List<Delta.Op> ops = new ArrayList<>(4);
        final Wire.Writer w = new Wire.Writer(32);
        byte[] bytes;

        void add(Kind kind, Delta.Op op) {
            ops.add(op);
            Delta.writeOp(w, kind, op);
        }
    }

    /** A crosser's op, encoded once. */
    private record Encoded(Delta.Op op, byte[] bytes) {
        static Encoded of(Kind kind, Delta.Op op) {
            if (op == null) {
                return null;
            }
            Wire.Writer w = new Wire.Writer(24);
            Delta.writeOp(w, kind, op);
            return new Encoded(op, w.toByteArray());
        }
    }

    /** What {@link Frame#cached} keys a positioned kind's {@link CellChunks} by. */
    private record Chunks(int profile, long before, int kind) {}

    /** What {@link Frame#cached} keys the section of a kind without cells by (the same for every group). */
    private record Uncelled(int profile, long before, int kind) {}

    /**
     * A group's sections: a positioned kind's from the frame's {@link CellChunks} when the group's eye stays in its
     * cell, a kind without cells' made once for all groups of the profile, else diffed for the group.
     */
    static Delta.Shared group(Frame before, Frame now, View vb, View vn) {
        ViewProfile p = vn.profile();
        List<Delta.Part> parts = new ArrayList<>();
        for (int k = 0; k < now.kinds.length; k++) {
            if (!p.kindOthers[k]) {
                continue; // a group sees no entity as its own
            }
            int kind = k;
            Frame.Rows rn = now.kinds[k];
            long serial = before == null ? -1 : before.serial;
            Delta.Part part;
            if (before != null && vn.eye() != null && vn.eye().equals(vb.eye()) && rn.celled()) {
                part = ((CellChunks) now.cached(new Chunks(p.index, serial, k),
                        key -> new CellChunks(before, now, kind, p))).section(vn.eye());
            } else if (vn.eye() != null && !rn.celled()) {
                part = (Delta.Part) now.cached(new Uncelled(p.index, serial, k), key -> {
                    Delta.Part made = Delta.Part.of(kind, rn.kind, ViewDiff.diff(before, now, kind, vb, vn));
                    return made == null ? Delta.Part.EMPTY : made;
                });
            } else {
                part = Delta.Part.of(k, rn.kind, ViewDiff.diff(before, now, k, vb, vn));
            }
            if (part != null && part != Delta.Part.EMPTY) {
                parts.add(part);
            }
        }
        return new Delta.Shared(parts);
    }

    private final int kindIndex;
    private final Kind kind;
    private final Frame.Rows rn;
    private final Frame.Rows rb;
    private final Chunk[] stay;
    private final Chunk[] arrived;
    private final Chunk[] gone;
    private final int[][] into;
    private final int[][] outOf;
    private final int[] prevRow;
    private final int[] nextRow;
    private final Encoded[] set;
    private final Encoded[] made;
    private final Encoded[] left;

    CellChunks(Frame before, Frame now, int k, ViewProfile profile) {
        this.kindIndex = k;
        this.rn = now.kinds[k];
        this.rb = before.kinds[k];
        this.kind = rn.kind;
        int[] fields = profile.others[k];
        stay = new Chunk[rn.cellSlots()];
        arrived = new Chunk[rn.cellSlots()];
        gone = new Chunk[rb.cellSlots()];
        into = new int[rn.cellSlots()][];
        outOf = new int[rb.cellSlots()][];
        prevRow = new int[rn.ids.length];
        nextRow = new int[rb.ids.length];
        set = new Encoded[rn.ids.length];
        made = new Encoded[rn.ids.length];
        left = new Encoded[rb.ids.length];
        Arrays.fill(nextRow, -1);
        for (int i = 0; i < rn.ids.length; i++) {
            int j = rb.indexOf(rn.ids[i]);
            if (j >= 0 && rb.owners[j] != rn.owners[i]) {
                j = -1; // another entity under the same id: the old one is gone, this one new
            }
            prevRow[i] = j;
            int slot = rn.slotOf(i);
            Delta.Op newOp = new Delta.Op(Delta.OpCode.NEW, rn.ids[i], rn.owners[i], fields, rn.q[i], rn.texts[i]);
            if (j < 0) {
                chunk(arrived, slot).add(kind, newOp);
                continue;
            }
            nextRow[j] = i;
            int[] changed = ViewDiff.changed(fields, rb, j, rn, i);
            Delta.Op setOp = changed == null ? null
                    : new Delta.Op(Delta.OpCode.SET, rn.ids[i], rn.owners[i], changed, rn.q[i], rn.texts[i]);
            if (rb.column[j] == rn.column[i] && rb.row[j] == rn.row[i]) {
                if (setOp != null) {
                    chunk(stay, slot).add(kind, setOp);
                }
            } else {
                into[slot] = append(into[slot], i);
                outOf[rb.slotOf(j)] = append(outOf[rb.slotOf(j)], j);
                set[i] = Encoded.of(kind, setOp);
                made[i] = Encoded.of(kind, newOp);
                left[j] = Encoded.of(kind, new Delta.Op(Delta.OpCode.GONE, rb.ids[j], 0, new int[0], null, null));
            }
        }
        for (int j = 0; j < rb.ids.length; j++) {
            if (nextRow[j] < 0) {
                Delta.Op op = new Delta.Op(Delta.OpCode.GONE, rb.ids[j], 0, new int[0], null, null);
                chunk(gone, rb.slotOf(j)).add(kind, op);
            }
        }
        for (Chunk[] chunks : List.of(stay, arrived, gone)) {
            for (Chunk c : chunks) {
                if (c != null) {
                    c.bytes = c.w.toByteArray();
                }
            }
        }
    }

    /** The section (and its bytes) of a group whose eye was and is in {@code eye}, or null when it says nothing. */
    Delta.Part section(Eye eye) {
        List<Delta.Op> ops = new ArrayList<>();
        List<byte[]> parts = new ArrayList<>();
        for (int r = eye.row() - 1; r <= eye.row() + 1; r++) {
            for (int c = eye.column() - 1; c <= eye.column() + 1; c++) {
                int slot = rb.cell(c, r);
                if (slot < 0) {
                    continue;
                }
                add(gone[slot], ops, parts);
                for (int j : outOf[slot] == null ? NONE : outOf[slot]) {
                    if (!near(rn, nextRow[j], eye)) {
                        add(left[j], ops, parts);
                    }
                }
            }
        }
        for (int r = eye.row() - 1; r <= eye.row() + 1; r++) {
            for (int c = eye.column() - 1; c <= eye.column() + 1; c++) {
                int slot = rn.cell(c, r);
                if (slot < 0) {
                    continue;
                }
                add(stay[slot], ops, parts);
                add(arrived[slot], ops, parts);
                for (int i : into[slot] == null ? NONE : into[slot]) {
                    add(near(rb, prevRow[i], eye) ? set[i] : made[i], ops, parts);
                }
            }
        }
        if (ops.isEmpty()) {
            return null;
        }
        Wire.Writer w = new Wire.Writer(8 + parts.stream().mapToInt(b -> b.length).sum());
        w.varint(kindIndex).varint(ops.size());
        for (byte[] b : parts) {
            w.bytes(b);
        }
        return new Delta.Part(new Delta.Section(kindIndex, kind, ops), w.toByteArray());
    }

    private static final int[] NONE = {};

    private static void add(Chunk c, List<Delta.Op> ops, List<byte[]> parts) {
        if (c != null) {
            ops.addAll(c.ops);
            parts.add(c.bytes);
        }
    }

    private static void add(Encoded e, List<Delta.Op> ops, List<byte[]> parts) {
        if (e != null) {
            ops.add(e.op);
            parts.add(e.bytes);
        }
    }

    private static boolean near(Frame.Rows rows, int i, Eye eye) {
        return Math.abs((long) rows.column[i] - eye.column()) <= 1 && Math.abs((long) rows.row[i] - eye.row()) <= 1;
    }

    private static Chunk chunk(Chunk[] chunks, int slot) {
        if (chunks[slot] == null) {
            chunks[slot] = new Chunk();
        }
        return chunks[slot];
    }

    private static int[] append(int[] a, int v) {
        if (a == null) {
            return new int[] {v};
        }
        int[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }
}
