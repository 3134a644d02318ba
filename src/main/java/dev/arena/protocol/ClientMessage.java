package dev.arena.protocol;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;

/**
 * A message from a client. Fields are boxed so that a missing field is seen as {@code null} and reported, not read
 * as zero; {@link Codec#decode} checks every field before anything else sees the message.
 */
@JsonbTypeInfo(key = "type", value = {
    @JsonbSubtype(alias = "join", type = ClientMessage.Join.class),
    @JsonbSubtype(alias = "input", type = ClientMessage.Input.class),
    @JsonbSubtype(alias = "ping", type = ClientMessage.Ping.class),
    @JsonbSubtype(alias = "chat", type = ClientMessage.Chat.class)
})
public sealed interface ClientMessage {

    /**
     * Enter a room. Every field is optional: the default room, a default name "Player N", and no {@code token}. A
     * {@code token} from an earlier {@code welcome} of the same room takes over that player if the server still
     * keeps it (resume); otherwise the join makes a new player. {@code role} is one of {@link Role}'s wire names
     * (default {@code player}); {@code link}, for a {@code screen} only, is the URL of the controller page the
     * party's join link and QR code point to. {@code game} (optional): the game the room plays; a room that does not
     * exist yet is made with it (default: the server's {@code arena.defaultGame}), a room that exists must play it.
     */
    record Join(String name, String room, String token, String role, String link, String game)
            implements ClientMessage {
        @JsonbCreator
        public Join(
                @JsonbProperty("name") String name,
                @JsonbProperty("room") String room,
                @JsonbProperty("token") String token,
                @JsonbProperty("role") String role,
                @JsonbProperty("link") String link,
                @JsonbProperty("game") String game) {
            this.name = name;
            this.room = room;
            this.token = token;
            this.role = role;
            this.link = link;
            this.game = game;
        }

        public Join(String name, String room, String token, String role, String link) {
            this(name, room, token, role, link, null);
        }

        public Join(String name, String room, String token) {
            this(name, room, token, null, null);
        }

        public Join(String name, String room) {
            this(name, room, null);
        }

        /** The role asked for: {@link Role#PLAYER} when none was given. Decoded joins always have a valid one. */
        public Role roleOrDefault() {
            Role r = Role.ofWireName(role);
            return r == null ? Role.PLAYER : r;
        }
    }

    /** The directions held now ({@code dx}, {@code dy} each -1, 0 or 1), numbered by an increasing {@code seq}. */
    record Input(Long seq, Integer dx, Integer dy) implements ClientMessage {
        @JsonbCreator
        public Input(@JsonbProperty("seq") Long seq, @JsonbProperty("dx") Integer dx, @JsonbProperty("dy") Integer dy) {
            this.seq = seq;
            this.dx = dx;
            this.dy = dy;
        }
    }

    /** Asks for a {@code pong} carrying {@code t} back; {@code t} is the client's clock, any finite number. */
    record Ping(Double t) implements ClientMessage {
        @JsonbCreator
        public Ping(@JsonbProperty("t") Double t) {
            this.t = t;
        }
    }

    /**
     * An input of a room's game on the SPI, kept as it came ({@code text}: a JSON {@code input} naming its
     * {@code "input"}; {@code binary}: a {@code 0x22} frame of the compact subprotocol): only the room knows the
     * game's input types, so it decodes it, strictly ({@code dev.arena.snapshot.InputCodec}). Not bound by JSON-B.
     */
    record GameInput(String text, byte[] binary) implements ClientMessage {
        public static GameInput of(String text) {
            return new GameInput(text, null);
        }

        public static GameInput of(java.nio.ByteBuffer frame) {
            byte[] bytes = new byte[frame.remaining()];
            frame.duplicate().get(bytes);
            return new GameInput(null, bytes);
        }
    }

    /** A line of room chat: plain text, relayed to everyone else in the room with the sender's name. */
    record Chat(String text) implements ClientMessage {
        @JsonbCreator
        public Chat(@JsonbProperty("text") String text) {
            this.text = text;
        }
    }
}
