package dev.arena.protocol;

import dev.arena.game.Input;
import dev.arena.game.PlayerState;
import dev.arena.game.Rules;
import dev.arena.game.WorldSnapshot;
import java.util.ArrayList;
import java.util.List;

/** Converts between wire messages and game values. Coordinates go out rounded to 0.01 map units. */
public final class Assembler {
    private Assembler() {}

    /** The held directions of a decoded (so already range-checked) {@code input}. */
    public static Input toInput(ClientMessage.Input message) {
        return Input.of(message.dx(), message.dy());
    }

    public static ServerMessage.Welcome welcome(
            PlayerState you, String room, Rules rules, WorldSnapshot state, String token, boolean resumed) {
        List<ServerMessage.PlayerInfo> players = new ArrayList<>(state.players().size());
        for (PlayerState p : state.players()) {
            players.add(info(p));
        }
        return new ServerMessage.Welcome(
                Codec.PROTOCOL_VERSION,
                you.id().value(),
                room,
                rules.width(),
                rules.height(),
                rules.tickRate(),
                rules.speed(),
                rules.radius(),
                state.tick(),
                players,
                token,
                resumed,
                ServerMessage.Welcome.DOTS);
    }

    /**
     * The {@code welcome} of a connection without a dot (a screen or a spectator): {@code id} 0 (no player has it),
     * every player of the room.
     */
    public static ServerMessage.Welcome watcherWelcome(
            String room, Rules rules, WorldSnapshot state, String token, boolean resumed) {
        List<ServerMessage.PlayerInfo> players = new ArrayList<>(state.players().size());
        for (PlayerState p : state.players()) {
            players.add(info(p));
        }
        return new ServerMessage.Welcome(Codec.PROTOCOL_VERSION, 0, room, rules.width(), rules.height(),
                rules.tickRate(), rules.speed(), rules.radius(), state.tick(), players, token, resumed,
                ServerMessage.Welcome.DOTS);
    }

    /** A controller's own state after tick {@code tick}, for {@code self}. */
    public static ServerMessage.Self self(PlayerState you, long tick, long timeMillis) {
        return new ServerMessage.Self(tick, timeMillis, round(you.position().x()), round(you.position().y()),
                you.lastSeq());
    }

    public static ServerMessage.Snapshot snapshot(WorldSnapshot state, long timeMillis) {
        List<ServerMessage.PlayerPosition> players = new ArrayList<>(state.players().size());
        for (PlayerState p : state.players()) {
            players.add(position(p));
        }
        return new ServerMessage.Snapshot(state.tick(), timeMillis, players);
    }

    /** A player's entry in a {@code snapshot}. */
    public static ServerMessage.PlayerPosition position(PlayerState p) {
        return new ServerMessage.PlayerPosition(
                p.id().value(), round(p.position().x()), round(p.position().y()), p.lastSeq());
    }

    public static ServerMessage.PlayerInfo info(PlayerState p) {
        return new ServerMessage.PlayerInfo(
                p.id().value(), p.name(), p.colour().hex(), round(p.position().x()), round(p.position().y()));
    }

    public static ServerMessage.Error error(ErrorCode code, String message) {
        return new ServerMessage.Error(code.wireName(), message);
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
