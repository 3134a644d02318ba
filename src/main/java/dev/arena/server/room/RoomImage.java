package dev.arena.server.room;

import dev.arena.protocol.Role;
import dev.arena.protocol.ServerMessage;
import dev.arena.spi.GameImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A room captured at a tick boundary, to be restored into a fresh room (another node): its name, its game, its id
 * source ({@code ids}: the next player id a room on {@link MatchEngine} would give; for a dots room the state of its
 * random id generator, {@code games.dots.World.Image#ids}), its seats (role, player id, own name, empty for a dots
 * player, whose name is in the game's state; resume token; the address the seat counts against) and the game's side ({@link GameImage}: state, tick, random generator, acks). Connections do not
 * travel, and neither does the inbox: on the new node every seat is away, with a fresh grace period, and its client
 * comes back by resuming with its token, as after a network drop. {@link #toBytes} is what travels: version
 * {@value #VERSION}, read strictly by {@link #fromBytes} (any bad, truncated or trailing byte is an
 * {@link IllegalArgumentException}).
 */
public record RoomImage(String room, String game, long ids, List<SeatImage> seats, GameImage image) {
    /** The byte form's version; {@link #fromBytes} refuses any other. */
    public static final int VERSION = 1;
    private static final int MAGIC = 0x4152494d; // "ARIM"

    /** One seat: {@code player} 0 for a screen or spectator; {@code address} null when unknown. */
    public record SeatImage(Role role, int player, String name, String token, String address) {
        public SeatImage {
            if (role == null || name == null || token == null) {
                throw new IllegalArgumentException("a seat image needs a role, a name (empty: none) and a token");
            }
            if (role.plays() != (player > 0)) {
                throw new IllegalArgumentException("a " + role.wireName() + " seat with player id " + player);
            }
        }
    }

    public RoomImage {
        if (room == null || game == null || image == null || seats == null) {
            throw new IllegalArgumentException("a room image needs a room, a game, seats and a game image");
        }
        if (!image.game().equals(game)) {
            throw new IllegalArgumentException("room image of game '" + game + "' holds an image of '" + image.game()
                    + "'");
        }
        seats = List.copyOf(seats);
        Set<String> tokens = new HashSet<>();
        Set<Integer> players = new HashSet<>();
        for (SeatImage s : seats) {
            if (!tokens.add(s.token()) || s.player() > 0 && !players.add(s.player())) {
                throw new IllegalArgumentException("room image with two seats of token or player " + s.player());
            }
            if (!game.equals(ServerMessage.Welcome.DOTS) && s.player() >= ids) {
                throw new IllegalArgumentException("seat of player " + s.player() + " not below next id " + ids);
            }
        }
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(room);
            out.writeUTF(game);
            out.writeLong(ids);
            out.writeInt(seats.size());
            for (SeatImage s : seats) {
                out.writeUTF(s.role().wireName());
                out.writeInt(s.player());
                out.writeUTF(s.name());
                out.writeUTF(s.token());
                out.writeBoolean(s.address() != null);
                if (s.address() != null) {
                    out.writeUTF(s.address());
                }
            }
            byte[] game = image.toBytes();
            out.writeInt(game.length);
            out.write(game);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The image {@code bytes} hold; a clear {@link IllegalArgumentException} for anything but a whole one. */
    public static RoomImage fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a room image (bad magic)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("room image version " + version + ", this server reads " + VERSION);
            }
            String room = in.readUTF();
            String game = in.readUTF();
            long ids = in.readLong();
            int count = in.readInt();
            if (count < 0 || count > bytes.length) {
                throw new IllegalArgumentException("room image with " + count + " seats");
            }
            List<SeatImage> seats = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String role = in.readUTF();
                Role r = Role.ofWireName(role);
                if (r == null) {
                    throw new IllegalArgumentException("room image seat of unknown role '" + role + "'");
                }
                seats.add(new SeatImage(r, in.readInt(), in.readUTF(), in.readUTF(),
                        in.readBoolean() ? in.readUTF() : null));
            }
            int length = in.readInt();
            if (length < 0 || length != in.available()) {
                throw new IllegalArgumentException("room image: its game image is " + length + " bytes, "
                        + in.available() + " follow");
            }
            return new RoomImage(room, game, ids, seats, GameImage.fromBytes(in.readNBytes(length)));
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated room image", e);
        }
    }
}
