package dev.arena.server.room;

import dev.arena.protocol.Codec;
import dev.arena.snapshot.SchemaJson;
import dev.arena.spi.FieldType;
import dev.arena.spi.Match;
import dev.arena.spi.Setting;
import dev.arena.spi.Settings;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;

/**
 * The {@code welcome} of a room on the SPI: {@code {"type":"welcome","protocol":1,"id":7,"room":"r","tick":120,
 * "tickRate":20,"token":"...","resumed":false,"game":"coinrush","width":800,"height":600,"schema":{...},
 * "settings":{"mapWidth":800,...}}}: {@code id} 0 for a spectator; {@code schema} is {@link SchemaJson}; {@code
 * settings} every setting of the room's game by key, typed; {@code width} and {@code height} the game's
 * {@code mapWidth} and {@code mapHeight} when it has them. No state: the first state frame is full.
 */
final class MatchWelcome {
    private static final JsonProvider JSON = JsonProvider.provider();
    private final String room;
    private final Match match;
    private final JsonObject schema;
    private final JsonObject settings;

    MatchWelcome(String room, Match match) {
        this.room = room;
        this.match = match;
        try (var reader = JSON.createReader(new StringReader(SchemaJson.of(match.game())))) {
            this.schema = reader.readObject();
        }
        this.settings = settingsJson(match);
    }

    String of(int id, String token, boolean resumed) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject().write("type", "welcome").write("protocol", Codec.PROTOCOL_VERSION).write("id", id)
                    .write("room", room).write("tick", match.tick()).write("tickRate", match.tickRate())
                    .write("token", token).write("resumed", resumed).write("game", match.game().name());
            if (settings.containsKey("mapWidth") && settings.containsKey("mapHeight")) {
                g.write("width", settings.get("mapWidth")).write("height", settings.get("mapHeight"));
            }
            g.write("schema", schema).write("settings", settings).writeEnd();
        }
        return out.toString();
    }

    private static JsonObject settingsJson(Match match) {
        Settings s = match.settings();
        var b = JSON.createObjectBuilder();
        for (Setting setting : match.game().settings()) {
            FieldType t = setting.type();
            if (t instanceof FieldType.Int) {
                b.add(setting.key(), s.integer(setting));
            } else if (t instanceof FieldType.Decimal) {
                b.add(setting.key(), s.decimal(setting));
            } else if (t instanceof FieldType.Bool) {
                b.add(setting.key(), s.bool(setting));
            } else if (t instanceof FieldType.Choice c) {
                b.add(setting.key(), c.values().get(s.choice(setting)));
            } else {
                b.add(setting.key(), s.text(setting));
            }
        }
        return b.build();
    }
}
