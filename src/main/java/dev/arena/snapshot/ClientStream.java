package dev.arena.snapshot;

import dev.arena.snapshot.ViewDiff.Eye;
import dev.arena.snapshot.ViewDiff.View;
import dev.arena.spi.Field;
import dev.arena.spi.Kind;
import dev.arena.spi.Schema;
import dev.arena.spi.Viewer;
import java.util.ArrayList;
import java.util.List;

/**
 * One connection's view of a room's state: which frame it was last sent, and from that, each frame's {@link Delta}.
 * The first delta, and the first after {@link #resync}, is full (everything the viewer may see); after that, a delta
 * holds only the entities that came into view (with every field the viewer may see), the fields that changed, and
 * the entities that went out of view or away. A delta is against the last frame this stream made a delta of, so
 * every delta it makes must reach the client, in order; when one cannot (a frame dropped for a slow client), call
 * {@link #resync}. A stream that skips frames (is not asked for some) gets a catch-up delta against its last one.
 * Fields the viewer may not see ({@link dev.arena.spi.Visibility}) are never in a delta. Owned by one thread at a
 * time.
 *
 * <p>Shared work (issue 14, reason 1): what a viewer is sent of entities it does not own depends only on its role's
 * visibility profile, the frame it had, the frame it gets, and its eye cell in each; viewers alike in those four are
 * a group, and the group's sections are made and encoded once per frame ({@link Frame#shared}) and copied into each
 * viewer's bytes. With interest cells a group is the viewers of one eye cell; its sections are put together from
 * chunks made once per cell ({@link CellChunks}) while its eye stays in its cell, and a kind without a position is
 * diffed once for every group. Only its own entities (fields only the owner sees, own entities out of the group's view, kinds
 * only owners see) go into a small section of its own after the shared ones. When a shared section brings one of
 * the viewer's own entities into view with fewer fields than the owner sees (a decoder reads a {@code new} op's
 * fields from its owner), that viewer's delta is made for it alone, as before.
 */
public final class ClientStream {
    static final long[] NO_ENTITIES = {};

    private final Schema schema;
    private final Viewer viewer;
    private final ViewProfile profile;
    private Frame last;

    /** What {@link Frame#shared} keys a group's sections by. */
    record Group(int profile, long before, Eye eyeBefore, Eye eye) {}

    public ClientStream(Schema schema, Viewer viewer) {
        this.schema = schema;
        this.viewer = viewer;
        this.profile = ViewProfile.of(schema, viewer.role());
    }

    public Viewer viewer() {
        return viewer;
    }

    /** The next delta is full. */
    public void resync() {
        last = null;
    }

    public Delta next(Frame frame) {
        if (frame.schema != schema) {
            throw new IllegalArgumentException("a frame of another schema");
        }
        Frame before = last;
        boolean full = before == null;
        int player = viewer.player();
        Eye eyeBefore = full ? null : ViewDiff.eye(before, player);
        Eye eye = ViewDiff.eye(frame, player);
        View groupBefore = new View(-1, profile, eyeBefore);
        View groupNow = new View(-1, profile, eye);
        Delta.Shared shared = frame.shared(new Group(profile.index, full ? -1 : before.serial, eyeBefore, eye),
                g -> CellChunks.group(before, frame, groupBefore, groupNow));
        List<Delta.Section> own = player > 0 ? own(before, frame, groupBefore, groupNow) : List.of();
        if (own == null) { // the viewer's own entity comes into view in a shared section with others' fields
            shared = Delta.Shared.NONE;
            own = sections(before, frame, new View(player, profile, eyeBefore), new View(player, profile, eye));
        }
        boolean phaseChanged = full || !frame.phase.equals(before.phase);
        boolean scoresChanged = full || !frame.scores.equals(before.scores);
        last = frame;
        return new Delta(frame.tick, full, phaseChanged ? frame.phase : null, scoresChanged ? frame.scores : null,
                shared, own);
    }

    /** The sections that turn what {@code vb} saw of {@code before} (null: nothing) into what {@code vn} sees now. */
    private static List<Delta.Section> sections(Frame before, Frame now, View vb, View vn) {
        List<Delta.Section> out = new ArrayList<>();
        for (int k = 0; k < now.kinds.length; k++) {
            List<Delta.Op> ops = ViewDiff.diff(before, now, k, vb, vn);
            if (!ops.isEmpty()) {
                out.add(new Delta.Section(k, now.kinds[k].kind, ops));
            }
        }
        return out;
    }

    /**
     * The viewer's own section, after the group's shared one (made from the same {@code vb}, {@code vn}): what the
     * owner sees that the group does not; or null when the shared section cannot be used (see the class javadoc).
     */
    private List<Delta.Section> own(Frame before, Frame now, View vb, View vn) {
        int player = viewer.player();
        long[] mineNow = now.owned(player);
        long[] mineBefore = before == null ? NO_ENTITIES : before.owned(player);
        if (mineNow.length == 0 && mineBefore.length == 0) {
            return List.of();
        }
        List<List<Delta.Op>> byKind = new ArrayList<>();
        for (int k = 0; k < now.kinds.length; k++) {
            byKind.add(null);
        }
        for (long e : mineNow) {
            int k = (int) (e >>> 32);
            int i = (int) e;
            if (!profile.kindOwn[k]) {
                continue;
            }
            Frame.Rows rn = now.kinds[k];
            Frame.Rows rb = before == null ? null : before.kinds[k];
            int j = rb == null ? -1 : rb.indexOf(rn.ids[i]);
            boolean mineBeforeToo = j >= 0 && rb.owners[j] == player;
            boolean sharedBefore = j >= 0 && ViewDiff.visible(rb, k, j, vb);
            Delta.Op op = null;
            if (ViewDiff.visible(rn, k, i, vn)) {
                if (sharedBefore && mineBeforeToo) { // the shared section sets what changed of others' fields
                    int[] changed = ViewDiff.changed(profile.ownOnly[k], rb, j, rn, i);
                    if (changed != null) {
                        op = new Delta.Op(Delta.OpCode.SET, rn.ids[i], player, changed, rn.q[i], rn.texts[i]);
                    }
                } else if (profile.ownOnly[k].length > 0) {
                    return null; // a shared new op with others' fields, which this viewer would read as its own
                }
            } else if (mineBeforeToo && !sharedBefore) {
                int[] changed = ViewDiff.changed(profile.own[k], rb, j, rn, i);
                if (changed != null) {
                    op = new Delta.Op(Delta.OpCode.SET, rn.ids[i], player, changed, rn.q[i], rn.texts[i]);
                }
            } else { // new to the viewer, or the shared section took it out of view
                op = new Delta.Op(Delta.OpCode.NEW, rn.ids[i], player, profile.own[k], rn.q[i], rn.texts[i]);
            }
            add(byKind, k, op);
        }
        for (long e : mineBefore) {
            int k = (int) (e >>> 32);
            int j = (int) e;
            if (!profile.kindOwn[k]) {
                continue;
            }
            Frame.Rows rb = before.kinds[k];
            Frame.Rows rn = now.kinds[k];
            int i = rn.indexOf(rb.ids[j]);
            if (i >= 0 && rn.owners[i] == player) {
                continue; // still the viewer's: done above
            }
            if (!(i >= 0 && ViewDiff.visible(rn, k, i, vn)) && !ViewDiff.visible(rb, k, j, vb)) {
                add(byKind, k, new Delta.Op(Delta.OpCode.GONE, rb.ids[j], 0, new int[0], null, null));
            }
        }
        List<Delta.Section> out = new ArrayList<>();
        for (int k = 0; k < byKind.size(); k++) {
            if (byKind.get(k) != null) {
                out.add(new Delta.Section(k, now.kinds[k].kind, byKind.get(k)));
            }
        }
        return out;
    }

    private static void add(List<List<Delta.Op>> byKind, int k, Delta.Op op) {
        if (op != null) {
            if (byKind.get(k) == null) {
                byKind.set(k, new ArrayList<>());
            }
            byKind.get(k).add(op);
        }
    }
}
