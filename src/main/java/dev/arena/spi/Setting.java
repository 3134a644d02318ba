package dev.arena.spi;

/**
 * One setting a game declares: its key within the game's namespace (the server reads it as
 * {@code arena.game.<game>.<key>}), its type, its default and one line saying what it does.
 */
public record Setting(String key, FieldType type, Object fallback, String doc) {
    public Setting {
        if (!Field.NAME.matcher(key).matches()) {
            throw new IllegalArgumentException("a setting key is 1-32 letters and digits, starting with a-z: " + key);
        }
        fallback = type.normalise(fallback);
    }

    public static Setting integer(String key, long min, long max, long fallback, String doc) {
        return new Setting(key, new FieldType.Int(min, max), fallback, doc);
    }

    public static Setting decimal(String key, double min, double max, double fallback, String doc) {
        return new Setting(key, new FieldType.Decimal(min, max, 0), fallback, doc);
    }

    public static Setting bool(String key, boolean fallback, String doc) {
        return new Setting(key, new FieldType.Bool(), fallback, doc);
    }
}
