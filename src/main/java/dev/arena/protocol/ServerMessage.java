package dev.arena.protocol;

import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import java.util.List;

/** A message to a client. */
@JsonbTypeInfo(key = "type", value = {
    @JsonbSubtype(alias = "welcome", type = ServerMessage.Welcome.class),
    @JsonbSubtype(alias = "snapshot", type = ServerMessage.Snapshot.class),
    @JsonbSubtype(alias = "playerJoined", type = ServerMessage.PlayerJoined.class),
    @JsonbSubtype(alias = "playerLeft", type = ServerMessage.PlayerLeft.class),
    @JsonbSubtype(alias = "pong", type = ServerMessage.Pong.class),
    @JsonbSubtype(alias = "error", type = ServerMessage.Error.class),
    @JsonbSubtype(alias = "self", type = ServerMessage.Self.class),
    @JsonbSubtype(alias = "audience", type = ServerMessage.Audience.class),
    @JsonbSubtype(alias = "party", type = ServerMessage.Party.class),
    @JsonbSubtype(alias = "chat", type = ServerMessage.Chat.class)
})
public sealed interface ServerMessage {

    /**
     * The answer to {@code join}: who you are, the room's rules (everything needed to predict your own movement) and
     * every player in the room. Sent before any snapshot. {@code token} resumes this player after a dropped
     * connection; {@code resumed} says whether this join took over an existing player with its token. {@code game}
     * names the room's game (the browser loads {@code games/<game>/index.js} for it): an additive field of version
     * 1, which older clients ignore; {@link #DOTS} in every room until rooms run the game SPI.
     */
    record Welcome(
            int protocol,
            int id,
            String room,
            int width,
            int height,
            int tickRate,
            double speed,
            double radius,
            long tick,
            List<PlayerInfo> players,
            String token,
            boolean resumed,
            String game)
            implements ServerMessage {
        /** The name of the dots game (dev.arena.games.dots.DotsGame.NAME), the game of every room today. */
        public static final String DOTS = "dots";
    }

    /**
     * The room after tick {@code tick}: every player's position and the number of the newest input the server has
     * applied for it ({@code seq}: your own entry's {@code seq} acknowledges your inputs). {@code time} is the
     * server's clock in milliseconds.
     */
    record Snapshot(long tick, long time, List<PlayerPosition> players) implements ServerMessage {}

    /** Someone entered your room. */
    record PlayerJoined(PlayerInfo player) implements ServerMessage {}

    /** Someone left your room. */
    record PlayerLeft(int id) implements ServerMessage {}

    /** The answer to {@code ping}: your {@code t} back, and the server's clock in milliseconds. */
    record Pong(double t, long time) implements ServerMessage {}

    /** Your last message was refused; {@code code} is one of {@link ErrorCode}'s wire names. */
    record Error(String code, String message) implements ServerMessage {}

    /** A player as shown to others: identity, looks and position. */
    record PlayerInfo(int id, String name, String color, double x, double y) {}

    /** A player's position at a tick, and the newest input number applied to it. */
    record PlayerPosition(int id, double x, double y, long seq) {}

    /**
     * A {@code controller}'s own state instead of the room's snapshot: its position and the newest input the server
     * has applied ({@code seq}) after tick {@code tick}. Sent when one of them changed.
     */
    record Self(long tick, long time, double x, double y, long seq) implements ServerMessage {}

    /**
     * Who is in the room: players with a dot ({@code player} and {@code controller} roles, those away included),
     * {@code spectators} and {@code screens}. Sent to every connection that is not a {@code player} when it joins and
     * whenever a count changes.
     */
    record Audience(int players, int spectators, int screens) implements ServerMessage {}

    /**
     * To a {@code screen}, after its {@code welcome}: the party room's {@code code}, the {@code joinUrl} phones open
     * (null when the screen sent no {@code link}) and its QR code: {@code qr} lists the rows of modules, top to
     * bottom, each a string of {@code '1'} (dark) and {@code '0'} (light), without the quiet zone.
     */
    record Party(String code, String joinUrl, List<String> qr) implements ServerMessage {}

    /** A chat line from player {@code from} (0: from a screen or spectator) named {@code name}. Plain text. */
    record Chat(int from, String name, String text) implements ServerMessage {}
}
