package dev.arena.protocol;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns text frames into {@link ClientMessage}s and {@link ServerMessage}s into text, with one shared {@link Jsonb}.
 * Decoding is strict: a message reaches the server only when its JSON is well formed, its {@code type} is known, and
 * every field has the right JSON type and range; anything else is a {@link ProtocolException} naming the field.
 * Thread-safe.
 */
public final class Codec {
    /** The protocol version sent in {@code welcome}. */
    public static final int PROTOCOL_VERSION = 1;
    /** The largest text frame a client may send, in bytes; larger frames close the connection with 1009. */
    public static final int MAX_MESSAGE_BYTES = 4096;
    /** Room names: 1 to 32 letters, digits, '-' or '_'. */
    public static final Pattern ROOM_NAME = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    /** Resume tokens as the server issues them (base64url); a join's token must look like one. */
    public static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    /** A game's name ({@code dev.arena.spi.Game#name}). */
    public static final Pattern GAME_NAME = Pattern.compile("[a-z][a-z0-9]{0,31}");
    /** A screen's controller page link: an absolute http(s) URL without query, fragment, spaces or quotes. */
    public static final Pattern LINK = Pattern.compile("https?://[^\\s?#\"'<>\\\\]{1,300}");
    /** The longest {@code chat.text} accepted, in characters (the server keeps at most 200 of it). */
    public static final int MAX_CHAT_CHARS = 500;
    /** The largest input number: JavaScript's largest safe integer, so browsers can count that far exactly. */
    public static final long MAX_SEQ = (1L << 53) - 1;

    private static final Map<String, Class<?>> CLIENT_TYPES = subtypes(ClientMessage.class);
    private final Jsonb jsonb = JsonbBuilder.create();
    /**
     * Looked up once: {@code Json.createParser} looks the provider up with a ServiceLoader on every call, a search of
     * the class path per message (it was most of the server's CPU time under load).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    public String encode(ServerMessage message) {
        return jsonb.toJson(message);
    }

    /**
     * A JSON array of player positions, for {@link #snapshot(long, long, java.util.List)}: interest management
     * encodes each cell's players once per tick and puts together each client's snapshot from the cells it sees.
     */
    public String positions(java.util.List<ServerMessage.PlayerPosition> players) {
        return jsonb.toJson(players);
    }

    /**
     * The text of a {@code snapshot} whose players are the concatenation of JSON arrays made by {@link #positions}:
     * exactly {@code encode(new Snapshot(tick, time, all those players))}, without encoding them again.
     */
    public static String snapshot(long tick, long time, java.util.List<String> positionArrays) {
        StringBuilder s = new StringBuilder(64 + positionArrays.stream().mapToInt(String::length).sum());
        s.append("{\"type\":\"snapshot\",\"players\":[");
        boolean first = true;
        for (String array : positionArrays) {
            if (array.length() > 2) { // "[]": no players
                if (!first) {
                    s.append(',');
                }
                s.append(array, 1, array.length() - 1);
                first = false;
            }
        }
        return s.append("],\"tick\":").append(tick).append(",\"time\":").append(time).append('}').toString();
    }

    /** For clients (tests, the Java client): the inverse of {@link #encode}. */
    public ServerMessage decodeServerMessage(String text) {
        return jsonb.fromJson(text, ServerMessage.class);
    }

    /** For clients: a client message as text. */
    public String encode(ClientMessage message) {
        if (message instanceof ClientMessage.GameInput input && input.text() != null) {
            return input.text();
        }
        return jsonb.toJson(message);
    }

    /**
     * A client's text frame as a message, or a {@link ProtocolException}: whatever the parser or the binder throws
     * is the client's fault and becomes {@link ErrorCode#MALFORMED_JSON} (the JSON, or a number in it, cannot be
     * read) or {@link ErrorCode#INVALID_FIELD} (it does not bind); nothing else escapes (CodecFuzzTest).
     */
    public ClientMessage decode(String text) throws ProtocolException {
        try {
            return decodeChecked(text);
        } catch (ArithmeticException | NumberFormatException | UnsupportedOperationException e) {
            // 1e33333333333333333333, a JSON number no BigDecimal can hold (found by CodecFuzzTest); a number of more
            // than 1100 characters, which Parsson refuses to turn into a BigDecimal (UnsupportedOperationException)
            throw new ProtocolException(ErrorCode.MALFORMED_JSON, "a number is out of range");
        } catch (RuntimeException e) {
            // anything else the binder throws on a parsed object: the client's message does not fit its record
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "the message does not bind");
        }
    }

    private ClientMessage decodeChecked(String text) throws ProtocolException {
        JsonObject object = parseObject(text);
        JsonValue typeValue = object.get("type");
        if (!(typeValue instanceof jakarta.json.JsonString type)) {
            throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "a message needs a string field 'type'");
        }
        Class<?> recordType = CLIENT_TYPES.get(type.getString());
        if (recordType == null) {
            throw new ProtocolException(
                    ErrorCode.UNKNOWN_TYPE,
                    "unknown type '" + abbreviate(type.getString()) + "', expected one of " + CLIENT_TYPES.keySet());
        }
        if (recordType == ClientMessage.Input.class && object.containsKey("input")) {
            if (!(object.get("input") instanceof jakarta.json.JsonString)) {
                throw StrictFields.invalid("input", "input", "must be the name of one of the room's game's inputs");
            }
            return ClientMessage.GameInput.of(text); // a game's typed input: its room decodes it, strictly
        }
        StrictFields.checkTypes(type.getString(), recordType, object);
        ClientMessage message = StrictFields.bind(recordType, object);
        try {
            if (message == null) {
                message = jsonb.fromJson(text, ClientMessage.class);
            }
        } catch (JsonbException e) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "'" + type.getString() + "' does not bind: "
                    + abbreviate(String.valueOf(e.getMessage())));
        }
        StrictFields.checkRanges(message);
        return message;
    }

    /**
     * A {@code input} text as the dots game's input ({@code seq}, {@code dx}, {@code dy}, checked as {@link #decode}
     * checks them; other members, such as {@code "input":"move"}, are ignored): for a dots room given a typed input.
     */
    public ClientMessage.Input dotsInput(String text) throws ProtocolException {
        JsonObject object = parseObject(text);
        StrictFields.checkTypes("input", ClientMessage.Input.class, object);
        ClientMessage message = StrictFields.bind(ClientMessage.Input.class, object);
        if (!(message instanceof ClientMessage.Input input)) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "'input' does not bind");
        }
        StrictFields.checkRanges(input);
        return input;
    }

    /**
     * The one parser of a client's JSON text, for this codec and the SPI's inputs: exactly one JSON object, and
     * anything the parser refuses or throws is {@code malformed_json}.
     */
    public static JsonObject parseObject(String text) throws ProtocolException {
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new ProtocolException(ErrorCode.MALFORMED_JSON, "a message must be a JSON object");
            }
            JsonObject object = parser.getObject();
            if (parser.hasNext()) {
                throw new ProtocolException(ErrorCode.MALFORMED_JSON, "one JSON object per frame");
            }
            return object;
        } catch (JsonException e) {
            throw new ProtocolException(ErrorCode.MALFORMED_JSON, "not valid JSON");
        } catch (RuntimeException e) {
            // Parsson: a plain RuntimeException past 1000 levels of nesting ("Input is too deeply nested"), and
            // whatever else a parser throws on hostile text; all of it is text that is not a message
            throw new ProtocolException(ErrorCode.MALFORMED_JSON, "not valid JSON (or nested too deeply)");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static Map<String, Class<?>> subtypes(Class<?> base) {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        for (JsonbSubtype subtype : base.getAnnotation(JsonbTypeInfo.class).value()) {
            types.put(subtype.alias(), subtype.type());
        }
        return Map.copyOf(types);
    }
}
