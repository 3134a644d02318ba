package dev.arena.snapshot;

import dev.arena.spi.Field;
import dev.arena.spi.FieldType;
import dev.arena.spi.Game;
import dev.arena.spi.Kind;
import dev.arena.spi.MessageType;
import dev.arena.spi.Schema;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.List;

/**
 * A game's schema as JSON, for {@code welcome}: all a generic client needs to decode the game's state, events and
 * inputs ({@code webapp/js/state.js} reads it). {@code {"game":"coinrush","kinds":[{"name":"player",
 * "visibility":"everyone","position":["x","y"],"fields":[{"name":"x","type":"decimal","min":0,"max":100000,
 * "scale":100,"visibility":"everyone"},...]}],"inputs":[{"name":"move","fields":[...]}],"events":[...]}}; field
 * types: int (min, max), decimal (min, max, scale), bool, text (maxLength), choice (values).
 */
public final class SchemaJson {
    private static final JsonProvider JSON = JsonProvider.provider();

    private SchemaJson() {}

    public static String of(Game game) {
        Schema schema = game.schema();
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject().write("game", game.name());
            g.writeStartArray("kinds");
            for (Kind k : schema.kinds()) {
                g.writeStartObject().write("name", k.name()).write("visibility", k.visibility().wireName());
                if (k.hasPosition()) {
                    g.writeStartArray("position").write(k.x().name()).write(k.y().name()).writeEnd();
                }
                fields(g, k.fields(), true);
                g.writeEnd();
            }
            g.writeEnd();
            messages(g, "inputs", schema.inputs());
            messages(g, "events", schema.events());
            g.writeEnd();
        }
        return out.toString();
    }

    private static void messages(JsonGenerator g, String name, List<MessageType> types) {
        g.writeStartArray(name);
        for (MessageType m : types) {
            g.writeStartObject().write("name", m.name());
            fields(g, m.fields(), false);
            g.writeEnd();
        }
        g.writeEnd();
    }

    private static void fields(JsonGenerator g, List<Field> fields, boolean visibility) {
        g.writeStartArray("fields");
        for (Field f : fields) {
            g.writeStartObject().write("name", f.name());
            FieldType t = f.type();
            if (t instanceof FieldType.Int i) {
                g.write("type", "int").write("min", i.min()).write("max", i.max());
            } else if (t instanceof FieldType.Decimal d) {
                g.write("type", "decimal").write("min", d.min()).write("max", d.max()).write("scale", d.scale());
            } else if (t instanceof FieldType.Bool) {
                g.write("type", "bool");
            } else if (t instanceof FieldType.Text x) {
                g.write("type", "text").write("maxLength", x.maxLength());
            } else if (t instanceof FieldType.Choice c) {
                g.write("type", "choice").writeStartArray("values");
                c.values().forEach(g::write);
                g.writeEnd();
            }
            if (visibility) {
                g.write("visibility", f.visibility().wireName());
            }
            g.writeEnd();
        }
        g.writeEnd();
    }
}
