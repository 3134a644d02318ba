package dev.arena.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.spi.Field;
import dev.arena.spi.FieldType;
import dev.arena.spi.Kind;
import dev.arena.spi.Phase;
import dev.arena.spi.Schema;
import dev.arena.spi.Score;
import dev.arena.spi.State;
import dev.arena.spi.Table;
import dev.arena.spi.Viewer;
import dev.arena.spi.Visibility;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What proves that sharing a delta between viewers is safe: random rooms (players joining and leaving, entities
 * moving within and across interest cells and teleporting, owners changing under the same id, owner-only, role-only
 * and hidden fields and kinds changing, phases and scores changing), seen by players, controllers, screens and
 * spectators, some of which skip frames (a catch-up delta) or resync (a full one). After every frame a viewer gets,
 * what its decoders (binary and JSON) know must equal its view computed directly from the {@link State}, by the
 * rules of {@link Frame} and {@link dev.arena.spi.Visibility}, without the encoder.
 */
class SharedDeltaPropertyTest {
    enum Colour { red, green, blue }

    static final Kind.Builder U = Kind.builder("unit");
    static final Field X = U.decimal("x", -300, 300, 100, Visibility.EVERYONE);
    static final Field Y = U.decimal("y", -300, 300, 10, Visibility.EVERYONE);
    static final Field N = U.integer("n", -50, 50, Visibility.EVERYONE);
    static final Field LABEL = U.text("label", 8, Visibility.EVERYONE);
    static final Field ON = U.bool("on", Visibility.EVERYONE);
    static final Field COLOUR = U.choice("colour", Colour.class, Visibility.EVERYONE);
    static final Field SECRET = U.integer("secret", 0, 9, Visibility.OWNER);
    static final Field BIG = U.integer("big", 0, 9, Visibility.roles(Viewer.Role.SCREEN));
    static final Field PAD = U.integer("pad", 0, 9, Visibility.roles(Viewer.Role.CONTROLLER, Viewer.Role.SPECTATOR));
    static final Field INTERNAL = U.integer("internal", 0, 9, Visibility.HIDDEN);
    static final Kind UNIT = U.position(X, Y).build();

    /** Dots-like: no owner-only field, so a player's own entity travels in the shared section. */
    static final Kind.Builder D = Kind.builder("dot");
    static final Field DX = D.decimal("x", -300, 300, 100, Visibility.EVERYONE);
    static final Field DY = D.decimal("y", -300, 300, 100, Visibility.EVERYONE);
    static final Field DHUE = D.integer("hue", 0, 359, Visibility.EVERYONE);
    static final Kind DOT = D.position(DX, DY).build();

    static final Kind.Builder T = Kind.builder("token");
    static final Field VALUE = T.integer("value", 0, 1000, Visibility.EVERYONE);
    static final Field MINE = T.text("mine", 4, Visibility.OWNER);
    static final Kind TOKEN = T.build();

    static final Kind.Builder P = Kind.builder("hand").visibleTo(Visibility.OWNER);
    static final Field PX = P.decimal("x", -300, 300, 100, Visibility.EVERYONE);
    static final Field PY = P.decimal("y", -300, 300, 100, Visibility.EVERYONE);
    static final Field CARDS = P.integer("cards", 0, 99, Visibility.EVERYONE);
    static final Kind HAND = P.position(PX, PY).build();

    static final Kind.Builder S = Kind.builder("banner").visibleTo(Visibility.roles(Viewer.Role.SCREEN));
    static final Field TEXT = S.text("text", 6, Visibility.EVERYONE);
    static final Kind BANNER = S.build();

    static final Kind.Builder G = Kind.builder("ghost").visibleTo(Visibility.HIDDEN);
    static final Field GN = G.integer("n", 0, 9, Visibility.HIDDEN);
    static final Kind GHOST = G.build();

    static final Schema SCHEMA = new Schema(List.of(GHOST, UNIT, DOT, TOKEN, HAND, BANNER), List.of(), List.of());
    static final List<Kind> POSITIONED = List.of(UNIT, DOT, HAND);

    record Client(Viewer viewer, ClientStream stream, StateDecoder binary, StateDecoder json) {}

    @ParameterizedTest
    @ValueSource(ints = {0, 40, 75})
    void everyViewerDecodesExactlyItsDirectViewAfterEveryFrame(int cellSize) {
        int shared = 0;
        int deltas = 0;
        for (int seed = 1; seed <= 25; seed++) {
            int[] counts = room(new SplittableRandom(seed * 31L + cellSize), cellSize);
            deltas += counts[0];
            shared += counts[1];
        }
        assertThat(deltas).isGreaterThan(10_000);
        assertThat(shared).as("deltas whose shared part another viewer got too")
                .isGreaterThan(deltas / (cellSize == 0 ? 4 : 20)); // with cells, a group is the viewers of one cell
    }

    /** One random room; returns {deltas checked, deltas that shared their group's sections with another viewer}. */
    private static int[] room(SplittableRandom r, double cell) {
        State state = new State(SCHEMA);
        List<Client> clients = new ArrayList<>();
        for (int p = 1; p <= 6; p++) {
            clients.add(client(Viewer.player(p)));
        }
        clients.add(client(new Viewer(2, Viewer.Role.CONTROLLER)));
        clients.add(client(new Viewer(5, Viewer.Role.CONTROLLER)));
        clients.add(client(Viewer.screen()));
        clients.add(client(Viewer.spectator()));
        clients.add(client(Viewer.player(9))); // never joins: sees everything (no eye)
        state.table(GHOST).add(1, 0);
        for (int b = 1; b <= 2; b++) {
            state.table(BANNER).add(b, 0);
        }
        Phase phase = Phase.ENDLESS;
        List<Score> scores = List.of();
        int checked = 0;
        int sharing = 0;
        for (long tick = 1; tick <= 90; tick++) {
            change(state, r);
            if (r.nextInt(10) == 0) {
                phase = new Phase(r.nextBoolean() ? "playing" : "results", r.nextInt(3), r.nextInt(40) - 1);
            }
            if (r.nextInt(8) == 0) {
                scores = List.of(new Score(1 + r.nextInt(6), r.nextInt(20) - 5), new Score(7, r.nextInt(3)));
            }
            Frame frame = Frame.of(state, tick, phase, scores, cell);
            Map<Delta.Shared, Integer> users = new IdentityHashMap<>();
            List<Delta> made = new ArrayList<>();
            for (Client c : clients) {
                int roll = r.nextInt(20);
                if (roll < 3) {
                    continue; // skips this frame: its next delta catches up from the last one it had
                }
                if (roll == 3) {
                    c.stream.resync();
                }
                Delta d = c.stream.next(frame);
                c.binary.apply(ByteBuffer.wrap(d.binary()));
                c.json.apply(d.json());
                Map<String, Map<Integer, StateDecoder.Entity>> expected = direct(state, c.viewer, cell);
                String what = "tick " + tick + ", " + c.viewer + ", cell " + cell;
                assertThat(c.binary.entities()).as("binary, " + what).isEqualTo(expected);
                assertThat(c.json.entities()).as("JSON, " + what).isEqualTo(expected);
                assertThat(c.binary.tick()).isEqualTo(tick);
                assertThat(c.binary.phase()).as(what).isEqualTo(phase);
                assertThat(c.json.phase()).as(what).isEqualTo(phase);
                assertThat(c.binary.scores()).as(what).isEqualTo(scores);
                assertThat(c.json.scores()).as(what).isEqualTo(scores);
                checked++;
                if (!d.shared().sections.isEmpty()) {
                    users.merge(d.shared(), 1, Integer::sum);
                    made.add(d);
                }
            }
            for (Delta d : made) {
                sharing += users.get(d.shared()) > 1 ? 1 : 0;
            }
        }
        return new int[] {checked, sharing};
    }

    private static Client client(Viewer v) {
        return new Client(v, new ClientStream(SCHEMA, v), new StateDecoder(SCHEMA, v), new StateDecoder(SCHEMA, v));
    }

    /** One tick of random changes. */
    private static void change(State state, SplittableRandom r) {
        Table units = state.table(UNIT);
        Table dots = state.table(DOT);
        Table tokens = state.table(TOKEN);
        Table hands = state.table(HAND);
        for (int p = 1; p <= 6; p++) { // joins and leaves: a player's dot, unit, token and hand
            boolean in = dots.has(p);
            if (!in && r.nextInt(6) == 0) {
                dots.add(p, p);
                place(dots, p, DX, DY, r);
                dots.setInteger(p, DHUE, r.nextInt(360));
                if (r.nextBoolean()) {
                    int u = units.spawn(p);
                    place(units, u, X, Y, r);
                }
                if (r.nextBoolean()) {
                    tokens.add(p, p);
                }
                if (r.nextBoolean()) {
                    int h = hands.spawn(p);
                    place(hands, h, PX, PY, r);
                }
            } else if (in && r.nextInt(25) == 0) {
                dots.remove(p);
                tokens.remove(p);
                for (Table t : List.of(units, hands)) {
                    for (int id : t.ids()) {
                        if (t.owner(id) == p && r.nextInt(4) != 0) {
                            t.remove(id);
                        }
                    }
                }
            }
        }
        if (r.nextInt(3) == 0) {
            int u = units.spawn(r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(6));
            place(units, u, X, Y, r);
        }
        for (int id : units.ids()) {
            int roll = r.nextInt(40);
            if (roll == 0) {
                units.remove(id);
            } else if (roll == 1) { // the same id, another owner
                units.remove(id);
                units.add(id, r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(6));
                place(units, id, X, Y, r);
            } else {
                move(units, id, X, Y, r);
                if (r.nextInt(5) == 0) {
                    units.setInteger(id, N, r.nextInt(101) - 50);
                }
                if (r.nextInt(9) == 0) {
                    units.setText(id, LABEL, List.of("", "a", "héllo", "✓✓", "zz").get(r.nextInt(5)));
                }
                if (r.nextInt(9) == 0) {
                    units.setBool(id, ON, r.nextBoolean());
                }
                if (r.nextInt(9) == 0) {
                    units.setChoice(id, COLOUR, r.nextInt(3));
                }
                for (Field f : List.of(SECRET, BIG, PAD, INTERNAL)) {
                    if (r.nextInt(4) == 0) {
                        units.setInteger(id, f, r.nextInt(10));
                    }
                }
            }
        }
        for (int id : dots.ids()) {
            move(dots, id, DX, DY, r);
        }
        for (int id : hands.ids()) {
            move(hands, id, PX, PY, r);
            if (r.nextInt(4) == 0) {
                hands.setInteger(id, CARDS, r.nextInt(100));
            }
        }
        for (int id : tokens.ids()) {
            if (r.nextInt(4) == 0) {
                tokens.setInteger(id, VALUE, r.nextInt(1001));
            }
            if (r.nextInt(4) == 0) {
                tokens.setText(id, MINE, "m" + r.nextInt(100));
            }
        }
        if (r.nextInt(5) == 0) {
            state.table(BANNER).setText(1 + r.nextInt(2), TEXT, "b" + r.nextInt(10));
        }
        state.table(GHOST).setInteger(1, GN, r.nextInt(10));
    }

    private static void place(Table t, int id, Field x, Field y, SplittableRandom r) {
        t.setDecimal(id, x, r.nextDouble(-300, 300));
        t.setDecimal(id, y, r.nextDouble(-300, 300));
    }

    /** A step of a random walk, now and then a jump anywhere; sometimes it stays put. */
    private static void move(Table t, int id, Field x, Field y, SplittableRandom r) {
        int roll = r.nextInt(30);
        if (roll == 0) {
            place(t, id, x, y, r);
        } else if (roll > 8) {
            t.setDecimal(id, x, Math.max(-300, Math.min(300, t.decimal(id, x) + r.nextDouble(-25, 25))));
            t.setDecimal(id, y, Math.max(-300, Math.min(300, t.decimal(id, y) + r.nextDouble(-25, 25))));
        }
    }

    /** What {@code v} sees of {@code state}, computed from the rules, without the encoder; as StateDecoder has it. */
    static Map<String, Map<Integer, StateDecoder.Entity>> direct(State state, Viewer v, double cell) {
        long[] eye = null;
        if (cell > 0 && v.player() != 0) {
            for (Kind k : SCHEMA.kinds()) {
                Table t = state.table(k);
                if (k.hasPosition() && eye == null) {
                    for (int id : t.ids()) {
                        if (t.owner(id) == v.player()) {
                            eye = new long[] {cellOf(t.decimal(id, k.x()), cell), cellOf(t.decimal(id, k.y()), cell)};
                            break;
                        }
                    }
                }
            }
        }
        Map<String, Map<Integer, StateDecoder.Entity>> out = new LinkedHashMap<>();
        for (Kind k : SCHEMA.kinds()) {
            Table t = state.table(k);
            Map<Integer, StateDecoder.Entity> seen = new TreeMap<>();
            for (int id : t.ids()) {
                int owner = t.owner(id);
                if (!k.visibility().shows(v, owner)) {
                    continue;
                }
                if (eye != null && k.hasPosition() && owner != v.player()
                        && (Math.abs(cellOf(t.decimal(id, k.x()), cell) - eye[0]) > 1
                                || Math.abs(cellOf(t.decimal(id, k.y()), cell) - eye[1]) > 1)) {
                    continue;
                }
                Map<String, Object> values = new LinkedHashMap<>();
                for (Field f : k.fields()) {
                    if (f.visibility().shows(v, owner)) {
                        values.put(f.name(), value(t, id, f));
                    }
                }
                seen.put(id, new StateDecoder.Entity(owner, values));
            }
            out.put(k.name(), seen);
        }
        return out;
    }

    private static long cellOf(double v, double cell) {
        return (long) Math.floor(v / cell);
    }

    private static Object value(Table t, int id, Field f) {
        FieldType type = f.type();
        if (type instanceof FieldType.Decimal d) {
            return d.quantise(t.decimal(id, f)) / (double) d.scale();
        } else if (type instanceof FieldType.Bool) {
            return t.bool(id, f);
        } else if (type instanceof FieldType.Choice c) {
            return c.values().get(t.choice(id, f));
        } else if (type instanceof FieldType.Text) {
            return t.text(id, f);
        }
        return t.integer(id, f);
    }
}
