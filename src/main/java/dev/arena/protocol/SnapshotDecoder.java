package dev.arena.protocol;

import dev.arena.game.Input;
import dev.arena.game.Movement;
import dev.arena.game.Rules;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A client's side of the compact snapshot format ({@link SnapshotFormat}): keeps the players in view between
 * frames and turns each binary frame into the same {@link ServerMessage.Snapshot} a JSON client gets (positions
 * rounded to 0.01; only your own entry carries a {@code seq}, the others 0). One per connection, from its
 * {@code welcome}: a new connection starts afresh (the server sends it full cells first). Not thread-safe.
 */
public final class SnapshotDecoder {
    private final Rules rules;
    private final int self;
    private final Map<Integer, Tracked> players = new HashMap<>();

    private static final class Tracked {
        int cell;
        double x;
        double y;
        Input input;
    }

    /** For the player {@code selfId} of a room with these rules (both from {@code welcome}). */
    public SnapshotDecoder(Rules rules, int selfId) {
        this.rules = rules;
        this.self = selfId;
    }

    /** Players in view after the last frame. */
    public int size() {
        return players.size();
    }

    /** Applies one binary snapshot frame; returns the snapshot it says. */
    public ServerMessage.Snapshot decode(ByteBuffer frame) {
        ByteBuffer in = frame.duplicate();
        SnapshotFormat.Header header = SnapshotFormat.header(in);
        int cellCount = (int) SnapshotFormat.readVarint(in);
        int[] cells = new int[cellCount];
        int[] forms = new int[cellCount];
        int[] starts = new int[cellCount];
        // pass 1: what each cell's chunk does to the players known before (step or clear, and departures)
        for (int i = 0; i < cellCount; i++) {
            cells[i] = (int) SnapshotFormat.readVarint(in);
            forms[i] = in.get() & 0xff;
            starts[i] = in.position();
            skipChunk(in);
        }
        players.values().removeIf(p -> indexOf(cells, p.cell) < 0); // cells no longer in view
        for (int i = 0; i < cellCount; i++) {
            int cell = cells[i];
            if (forms[i] == SnapshotFormat.FULL) {
                players.values().removeIf(p -> p.cell == cell);
            } else if (forms[i] == SnapshotFormat.DELTA) {
                for (Tracked p : players.values()) {
                    if (p.cell == cell) {
                        step(p);
                    }
                }
            } else {
                throw new IllegalArgumentException("unknown cell form " + forms[i]);
            }
            ByteBuffer chunk = in.duplicate().position(starts[i]);
            long n = SnapshotFormat.readVarint(chunk);
            for (long k = 0; k < n; k++) {
                int id = (int) SnapshotFormat.readVarint(chunk);
                int code = chunk.get() & 0xff;
                if (code == SnapshotFormat.LEFT) {
                    Tracked p = players.get(id);
                    if (p != null && p.cell == cell) {
                        players.remove(id);
                    }
                } else {
                    SnapshotFormat.readVarint(chunk);
                    SnapshotFormat.readVarint(chunk);
                }
            }
        }
        // pass 2: arrivals and changes (after every departure, so a move from one cell to another lands)
        for (int i = 0; i < cellCount; i++) {
            ByteBuffer chunk = in.duplicate().position(starts[i]);
            long n = SnapshotFormat.readVarint(chunk);
            for (long k = 0; k < n; k++) {
                int id = (int) SnapshotFormat.readVarint(chunk);
                int code = chunk.get() & 0xff;
                if (code == SnapshotFormat.LEFT) {
                    continue;
                }
                Tracked p = players.computeIfAbsent(id, key -> new Tracked());
                p.cell = cells[i];
                p.input = SnapshotFormat.input(code);
                p.x = SnapshotFormat.readVarint(chunk) / 100.0;
                p.y = SnapshotFormat.readVarint(chunk) / 100.0;
            }
        }
        List<ServerMessage.PlayerPosition> positions = new ArrayList<>(players.size());
        for (Iterator<Map.Entry<Integer, Tracked>> it = players.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Tracked> e = it.next();
            int id = e.getKey();
            Tracked p = e.getValue();
            positions.add(new ServerMessage.PlayerPosition(
                    id, Assembler.round(p.x), Assembler.round(p.y), id == self ? header.ack() : 0));
        }
        return new ServerMessage.Snapshot(header.tick(), header.time(), positions);
    }

    /** One tick of movement: {@link Movement}, the rule the server's world moved the player by. */
    private void step(Tracked p) {
        p.x = Movement.x(p.x, p.input, rules);
        p.y = Movement.y(p.y, p.input, rules);
    }

    private static void skipChunk(ByteBuffer in) {
        long n = SnapshotFormat.readVarint(in);
        for (long k = 0; k < n; k++) {
            SnapshotFormat.readVarint(in);
            int code = in.get() & 0xff;
            if (code != SnapshotFormat.LEFT) {
                SnapshotFormat.readVarint(in);
                SnapshotFormat.readVarint(in);
            }
        }
    }

    private static int indexOf(int[] cells, int cell) {
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == cell) {
                return i;
            }
        }
        return -1;
    }
}
