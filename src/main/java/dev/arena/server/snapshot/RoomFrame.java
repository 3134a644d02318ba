package dev.arena.server.snapshot;

import dev.arena.game.PlayerState;
import dev.arena.game.WorldSnapshot;
import dev.arena.protocol.Assembler;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ServerMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One room's snapshot of one tick, encoded once for everyone: for each cell of the {@link InterestGrid} its full
 * chunk and its delta chunk (against the frame of {@link #baseTick}) in the compact format, and, made at most once
 * and only if a JSON client asks, each cell's JSON. Each client's frame is put together from the cells it sees
 * ({@link SnapshotStream}). Immutable once made; its lazily made JSON is safe to ask for from any thread.
 */
public final class RoomFrame {
    private final long tick;
    private final long time;
    private final long baseTick;
    private final byte[][] full;
    private final byte[][] delta;
    private final WorldSnapshot state;
    private final int[] cellOfPlayer; // by index in state.players()
    private final Codec codec;
    private final AtomicReferenceArray<String> cellJson;

    RoomFrame(long tick, long time, long baseTick, byte[][] full, byte[][] delta, WorldSnapshot state,
            int[] cellOfPlayer, Codec codec) {
        this.tick = tick;
        this.time = time;
        this.baseTick = baseTick;
        this.full = full;
        this.delta = delta;
        this.state = state;
        this.cellOfPlayer = cellOfPlayer;
        this.codec = codec;
        this.cellJson = new AtomicReferenceArray<>(full.length);
    }

    public long tick() {
        return tick;
    }

    public long time() {
        return time;
    }

    /** The tick of the frame the deltas are against, or -1 when there was none. */
    public long baseTick() {
        return baseTick;
    }

    public byte[] full(int cell) {
        return full[cell];
    }

    public byte[] delta(int cell) {
        return delta[cell];
    }

    /** The JSON {@code snapshot} of the players in these cells. */
    public String json(int[] cells) {
        if (full.length == 1) {
            return cellJson(0, true);
        }
        List<String> arrays = new ArrayList<>(cells.length);
        for (int cell : cells) {
            arrays.add(cellJson(cell, false));
        }
        return Codec.snapshot(tick, time, arrays);
    }

    /** A cell's players as a JSON array, or with {@code whole} the whole snapshot message (one-cell rooms). */
    private String cellJson(int cell, boolean whole) {
        String json = cellJson.get(cell);
        if (json == null) {
            List<ServerMessage.PlayerPosition> players = new ArrayList<>();
            List<PlayerState> all = state.players();
            for (int i = 0; i < all.size(); i++) {
                if (cellOfPlayer[i] == cell) {
                    players.add(Assembler.position(all.get(i)));
                }
            }
            json = whole ? codec.encode(new ServerMessage.Snapshot(tick, time, players)) : codec.positions(players);
            cellJson.compareAndSet(cell, null, json); // two threads may both make it: the same text, either wins
        }
        return json;
    }
}
