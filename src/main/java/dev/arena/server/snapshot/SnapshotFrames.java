package dev.arena.server.snapshot;

import dev.arena.game.Input;
import dev.arena.game.Movement;
import dev.arena.game.PlayerId;
import dev.arena.game.PlayerState;
import dev.arena.game.Rules;
import dev.arena.game.WorldSnapshot;
import dev.arena.protocol.Codec;
import dev.arena.protocol.SnapshotFormat;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A room's snapshot encoder: after each tick, {@link #next} encodes the room once into a {@link RoomFrame}, per cell
 * of the {@link InterestGrid}: every player (the full chunk), and what a client that has the previous frame's cell
 * cannot work out by itself (the delta chunk): players that arrived in the cell, left it, changed direction, or are
 * not where one tick of movement puts them. A player who holds its direction is not in the delta: clients move it by
 * the game's rule, exactly as the server did. Only the room's tick thread calls it.
 */
public final class SnapshotFrames {
    private static final byte[] EMPTY = {0}; // a chunk of no entries

    private final InterestGrid grid;
    private final Rules rules;
    private final Codec codec;
    private final Map<PlayerId, Track> tracks = new HashMap<>();
    private long lastTick = -1;

    /** What the clients were told of a player in the last frame. */
    private static final class Track {
        int id;
        int cell;
        int code;
        double x;
        double y;
        long seq;
        long seenTick;
    }

    public SnapshotFrames(Rules rules, InterestGrid grid, Codec codec) {
        this.rules = rules;
        this.grid = grid;
        this.codec = codec;
    }

    public InterestGrid grid() {
        return grid;
    }

    public RoomFrame next(WorldSnapshot state, long timeMillis) {
        long tick = state.tick();
        int cells = grid.cellCount();
        Chunk[] full = new Chunk[cells];
        Chunk[] delta = new Chunk[cells];
        List<PlayerState> players = state.players();
        int[] cellOfPlayer = new int[players.size()];
        for (int i = 0; i < players.size(); i++) {
            PlayerState p = players.get(i);
            double x = p.position().x();
            double y = p.position().y();
            int cell = grid.cellOf(x, y);
            int code = SnapshotFormat.code(p.input());
            int id = p.id().value();
            cellOfPlayer[i] = cell;
            chunk(full, cell).here(id, code, x, y);
            Track t = tracks.get(p.id());
            if (t == null) {
                t = new Track();
                t.id = id;
                tracks.put(p.id(), t);
                chunk(delta, cell).here(id, code, x, y);
            } else if (t.cell != cell) {
                chunk(delta, t.cell).left(id);
                chunk(delta, cell).here(id, code, x, y);
            } else if (t.code != code || !movedByRule(t, p.input(), x, y)) {
                chunk(delta, cell).here(id, code, x, y);
            }
            t.cell = cell;
            t.code = code;
            t.x = x;
            t.y = y;
            t.seq = p.lastSeq();
            t.seenTick = tick;
        }
        for (Iterator<Track> it = tracks.values().iterator(); it.hasNext(); ) {
            Track t = it.next();
            if (t.seenTick != tick) { // left the room
                chunk(delta, t.cell).left(t.id);
                it.remove();
            }
        }
        return frame(tick, timeMillis, full, delta, state, cellOfPlayer);
    }

    private RoomFrame frame(long tick, long time, Chunk[] full, Chunk[] delta, WorldSnapshot state, int[] cells) {
        byte[][] fullBytes = new byte[full.length][];
        byte[][] deltaBytes = new byte[full.length][];
        for (int c = 0; c < full.length; c++) {
            fullBytes[c] = full[c] == null ? EMPTY : full[c].bytes();
            deltaBytes[c] = delta[c] == null ? EMPTY : delta[c].bytes();
        }
        RoomFrame frame = new RoomFrame(tick, time, lastTick, fullBytes, deltaBytes, state, cells, codec);
        lastTick = tick;
        return frame;
    }

    /** Whether (x, y) is where one tick holding {@code input} takes the player from where it was: {@link Movement}. */
    private boolean movedByRule(Track t, Input input, double x, double y) {
        return x == Movement.x(t.x, input, rules) && y == Movement.y(t.y, input, rules);
    }

    /** The cell the clients were last told {@code id} is in, or -1. */
    public int cellOf(PlayerId id) {
        Track t = tracks.get(id);
        return t == null ? -1 : t.cell;
    }

    /** The newest input applied to {@code id} as of the last frame. */
    public long seqOf(PlayerId id) {
        Track t = tracks.get(id);
        return t == null ? 0 : t.seq;
    }

    private static Chunk chunk(Chunk[] chunks, int cell) {
        Chunk c = chunks[cell];
        if (c == null) {
            c = new Chunk();
            chunks[cell] = c;
        }
        return c;
    }

    /** A cell's entries being written; {@link #bytes} prefixes their count. */
    private static final class Chunk {
        private final SnapshotFormat.Writer entries = new SnapshotFormat.Writer(64);
        private int count;

        void here(int id, int code, double x, double y) {
            entries.varint(id).u8(code).varint(SnapshotFormat.centi(x)).varint(SnapshotFormat.centi(y));
            count++;
        }

        void left(int id) {
            entries.varint(id).u8(SnapshotFormat.LEFT);
            count++;
        }

        byte[] bytes() {
            SnapshotFormat.Writer w = new SnapshotFormat.Writer(entries.size() + 5);
            w.varint(count);
            w.bytes(entries.toByteArray());
            return w.toByteArray();
        }
    }
}
