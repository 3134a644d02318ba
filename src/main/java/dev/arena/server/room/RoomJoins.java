package dev.arena.server.room;

import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.ErrorCode;
import dev.arena.protocol.Role;
import dev.arena.server.connection.AddressQuota;
import dev.arena.server.connection.Connection;
import dev.arena.server.party.Party;
import dev.arena.spi.Game;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A connection's {@code join}: which room it goes to, and whether a room is made for it. Players make the room
 * they name when it does not exist; a code-less screen makes a party room with a fresh code; controllers,
 * spectators and screens with a code join only rooms that exist. Every room made counts against the server's
 * {@link RoomSettings#maxRooms} and its address's quota; every lookup of a name that finds no room (a player's of a
 * name that could be a party code included) is a miss in the address's code guesses ({@link AddressQuota}). The join itself is handled by the room at
 * its next tick. Called on the transport's threads.
 */
final class RoomJoins {
    /** Answers a connection with an {@code error}. */
    public interface Errors {
        void send(Connection c, ErrorCode code, String message);
    }

    private final Map<String, Room> rooms;
    private final RoomSettings config;
    private final AddressQuota quota;
    private final BiFunction<String, Game, Room> newRoom;
    private final Errors errors;
    private volatile Supplier<String> partyCodes;

    RoomJoins(Map<String, Room> rooms, RoomSettings config, AddressQuota quota, BiFunction<String, Game, Room> newRoom,
            Supplier<String> partyCodes, Errors errors) {
        this.rooms = rooms;
        this.config = config;
        this.quota = quota;
        this.newRoom = newRoom;
        this.partyCodes = partyCodes;
        this.errors = errors;
    }

    /** For tests: where new party codes come from. */
    void usePartyCodes(Supplier<String> codes) {
        this.partyCodes = codes;
    }

    void join(Connection c, ClientMessage.Join join) {
        if (c.state() != Connection.State.NEW) {
            errors.send(c, ErrorCode.ALREADY_JOINED, "this connection has joined already");
            return;
        }
        Role role = join.roleOrDefault();
        Game game = gameOf(c, join);
        if (game == null) {
            return;
        }
        if (role == Role.SCREEN && join.room() == null) {
            createParty(c, join, game);
            return;
        }
        String name = join.room() == null ? config.defaultRoom() : join.room();
        if (role != Role.PLAYER) {
            joinExisting(c, join, name, role);
            return;
        }
        // A player may make a room named like a party code, but learns on the way whether that party exists: such
        // a join is a lookup too, and one that finds no room a miss, or codes could be walked by making rooms.
        boolean code = Party.isCode(name);
        if (code && guessesExhausted(c)) {
            return;
        }
        String[] refused = {null};
        String[] other = {null};
        boolean[] found = {true};
        rooms.compute(name, (key, room) -> {
            if (room == null) {
                found[0] = false;
                refused[0] = mayCreate(c, key);
                if (refused[0] != null) {
                    return null;
                }
                room = newRoom.apply(key, game);
            }
            if (!playsAsAsked(room, join)) {
                other[0] = room.game();
            } else if (c.startJoining(room)) {
                room.enqueue(new Room.Join(c, join.name(), join.token()));
            }
            return room;
        });
        if (code && !found[0]) {
            quota.missed(c.address());
        }
        if (refused[0] != null) {
            errors.send(c, ErrorCode.TOO_MANY_ROOMS, refused[0]);
        }
        if (other[0] != null) {
            wrongGame(c, name, other[0], join.game());
        }
    }

    /** The game {@code join} asks for (the default game when none), or null ({@code c} told: {@code unknown_game}). */
    private Game gameOf(Connection c, ClientMessage.Join join) {
        String name = join.game() == null ? config.games().defaultGame() : join.game();
        Game game = config.games().game(name);
        if (game == null) {
            errors.send(c, ErrorCode.UNKNOWN_GAME, "there is no game '" + name + "' here; the games are "
                    + config.games().names());
        }
        return game;
    }

    /** A join that names no game joins a room of any; one that names a game, only a room of that game. */
    private static boolean playsAsAsked(Room room, ClientMessage.Join join) {
        return join.game() == null || join.game().equals(room.game());
    }

    private void wrongGame(Connection c, String room, String plays, String asked) {
        errors.send(c, ErrorCode.WRONG_GAME, "room '" + room + "' plays " + plays + ", not " + asked
                + ": leave out 'game' or pick another room");
    }

    /** True (and {@code c} told so) when {@code c}'s address must wait before it may look up a room. */
    private boolean guessesExhausted(Connection c) {
        long wait = quota.lookupWait(c.address());
        if (wait <= 0) {
            return false;
        }
        errors.send(c, ErrorCode.TOO_MANY_GUESSES, "too many room codes from your address that find no room: "
                + "try again in " + (wait + 999) / 1000 + " s");
        return true;
    }

    /** Null when {@code c} may make room {@code name} now (it is then counted), otherwise why not. */
    private String mayCreate(Connection c, String name) {
        if (rooms.size() >= config.maxRooms()) {
            return "the server has " + config.maxRooms() + " rooms already";
        }
        return quota.createRoom(c.address(), name);
    }

    /** A screen without a room: a new party room named by a fresh code (a few tries should codes collide). */
    private void createParty(Connection c, ClientMessage.Join join, Game game) {
        for (int attempt = 0; attempt < 8; attempt++) {
            String code = partyCodes.get();
            boolean[] done = {false};
            String[] refused = {null};
            rooms.compute(code, (key, room) -> {
                if (room != null) {
                    return room; // taken: try another code
                }
                done[0] = true;
                refused[0] = mayCreate(c, key);
                if (refused[0] != null) {
                    return null;
                }
                room = newRoom.apply(key, game);
                if (c.startJoining(room, Role.SCREEN)) {
                    room.enqueue(new Room.Join(c, join.name(), join.token(), Role.SCREEN, join.link()));
                }
                return room;
            });
            if (done[0]) {
                if (refused[0] != null) {
                    errors.send(c, ErrorCode.TOO_MANY_ROOMS, refused[0]);
                }
                return;
            }
        }
        errors.send(c, ErrorCode.TOO_MANY_ROOMS, "no free room code found");
    }

    /**
     * Controllers, spectators, screens with a code and players naming a party code join rooms that exist: never a
     * silent new room. A name that finds no room is a miss for the address, which may then have to wait.
     */
    private void joinExisting(Connection c, ClientMessage.Join join, String name, Role role) {
        if (guessesExhausted(c)) {
            return;
        }
        String[] other = {null};
        Room found = rooms.computeIfPresent(name, (key, room) -> {
            if (!playsAsAsked(room, join)) {
                other[0] = room.game();
            } else if (c.startJoining(room, role)) {
                room.enqueue(new Room.Join(c, join.name(), join.token(), role, join.link()));
            }
            return room;
        });
        if (found == null) {
            quota.missed(c.address());
            errors.send(c, ErrorCode.UNKNOWN_ROOM, "there is no room '" + name + "': check the code");
        } else if (other[0] != null) {
            wrongGame(c, name, other[0], join.game());
        }
    }
}
