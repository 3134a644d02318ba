package dev.arena.spi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The game's side of a room captured at a tick boundary: which game, its settings (as properties), the tick rate,
 * the tick number, the random generator's state, the newest input {@code seq} passed on per player, and the state's
 * exact bytes. {@link Match#restore} makes a room that continues exactly as the captured one would have.
 *
 * <p>The seam for the server's side: a room's full image ({@code server.room.RoomImage}) is this plus the server's
 * part (the seats with their resume tokens, the next player id); {@link #toBytes} is part of what travels.
 */
public record GameImage(String game, Map<String, String> settings, int tickRate, long tick, long random,
        Map<Integer, Long> acks, byte[] state) {
    public GameImage {
        settings = Map.copyOf(settings);
        acks = Map.copyOf(acks);
        state = state.clone();
    }

    @Override
    public byte[] state() {
        return state.clone();
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(game);
            out.writeInt(settings.size());
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(settings).entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
            out.writeInt(tickRate);
            out.writeLong(tick);
            out.writeLong(random);
            out.writeInt(acks.size());
            for (Map.Entry<Integer, Long> e : new java.util.TreeMap<>(acks).entrySet()) {
                out.writeInt(e.getKey());
                out.writeLong(e.getValue());
            }
            out.writeInt(state.length);
            out.write(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static GameImage fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            String game = in.readUTF();
            Map<String, String> settings = new LinkedHashMap<>();
            for (int n = in.readInt(); n > 0; n--) {
                settings.put(in.readUTF(), in.readUTF());
            }
            int tickRate = in.readInt();
            long tick = in.readLong();
            long random = in.readLong();
            Map<Integer, Long> acks = new LinkedHashMap<>();
            for (int n = in.readInt(); n > 0; n--) {
                acks.put(in.readInt(), in.readLong());
            }
            byte[] state = in.readNBytes(in.readInt());
            return new GameImage(game, settings, tickRate, tick, random, acks, state);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a game image", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GameImage g && g.game.equals(game) && g.settings.equals(settings)
                && g.tickRate == tickRate && g.tick == tick && g.random == random && g.acks.equals(acks)
                && Arrays.equals(g.state, state);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(state) * 31 + Long.hashCode(tick);
    }
}
