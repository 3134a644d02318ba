package dev.arena.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.games.coinrush.CoinRushGame;
import dev.arena.spi.Field;
import dev.arena.spi.Kind;
import dev.arena.spi.Phase;
import dev.arena.spi.Schema;
import dev.arena.spi.State;
import dev.arena.spi.Table;
import dev.arena.spi.Viewer;
import dev.arena.spi.Visibility;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateCodecTest {
    enum Colour { red, green, blue }

    static final Kind.Builder B = Kind.builder("thing");
    static final Field X = B.decimal("x", -1000, 1000, 100, Visibility.EVERYONE);
    static final Field Y = B.decimal("y", -1000, 1000, 100, Visibility.EVERYONE);
    static final Field N = B.integer("n", -5, 1L << 40, Visibility.EVERYONE);
    static final Field LABEL = B.text("label", 10, Visibility.EVERYONE);
    static final Field ON = B.bool("on", Visibility.EVERYONE);
    static final Field COLOUR = B.choice("colour", Colour.class, Visibility.EVERYONE);
    static final Field SECRET = B.integer("secret", 0, 100, Visibility.OWNER);
    static final Field SCREEN_ONLY = B.integer("big", 0, 100, Visibility.roles(Viewer.Role.SCREEN));
    static final Field INTERNAL = B.integer("internal", 0, 100, Visibility.HIDDEN);
    static final Kind THING = B.position(X, Y).build();
    static final Schema SCHEMA = new Schema(List.of(THING), List.of(), List.of());

    /** Decodes every delta of a stream in both formats; both decoders must agree with each other. */
    static final class Client {
        final ClientStream stream;
        final StateDecoder binary;
        final StateDecoder json;

        Client(Schema schema, Viewer v) {
            stream = new ClientStream(schema, v);
            binary = new StateDecoder(schema, v);
            json = new StateDecoder(schema, v);
        }

        Delta receive(Frame f) {
            Delta d = stream.next(f);
            binary.apply(ByteBuffer.wrap(d.binary()));
            json.apply(d.json());
            assertThat(json.entities()).isEqualTo(binary.entities());
            assertThat(json.phase()).isEqualTo(binary.phase());
            assertThat(json.scores()).isEqualTo(binary.scores());
            return d;
        }

        Map<Integer, StateDecoder.Entity> things() {
            return binary.entities().get("thing");
        }
    }

    static Frame frame(State s, long tick, double cell) {
        return Frame.of(s, tick, Phase.ENDLESS, List.of(), cell);
    }

    @Test
    void fullStateThenOnlyWhatChangedAndValuesArriveQuantised() {
        State state = new State(SCHEMA);
        Table t = state.table(THING);
        t.add(1, 1);
        t.setDecimal(1, X, 12.3456);
        t.setInteger(1, N, (1L << 40) - 3);
        t.setText(1, LABEL, "héllo ✓");
        t.setBool(1, ON, true);
        t.setChoice(1, COLOUR, Colour.blue);
        t.add(2, 0);
        Client c = new Client(SCHEMA, Viewer.spectator());
        Delta first = c.receive(frame(state, 1, 0));
        assertThat(first.full()).isTrue();
        assertThat(c.things().get(1).values()).containsEntry("x", 12.35).containsEntry("n", (1L << 40) - 3)
                .containsEntry("label", "héllo ✓").containsEntry("on", true).containsEntry("colour", "blue")
                .doesNotContainKeys("secret", "big", "internal");
        assertThat(c.receive(frame(state, 2, 0)).sections()).as("nothing changed").isEmpty();
        t.setDecimal(2, Y, -3.004);
        t.remove(1);
        int three = t.spawn(0);
        Delta d = c.receive(frame(state, 3, 0));
        assertThat(d.full()).isFalse();
        assertThat(d.sections().get(0).ops()).extracting(Delta.Op::code)
                .containsExactlyInAnyOrder(Delta.OpCode.SET, Delta.OpCode.NEW, Delta.OpCode.GONE);
        assertThat(d.sections().get(0).ops()).filteredOn(op -> op.code() == Delta.OpCode.SET).singleElement()
                .satisfies(op -> assertThat(op.fields()).containsExactly(Y.index()));
        assertThat(c.things()).containsOnlyKeys(2, three);
        assertThat(c.things().get(2).values()).containsEntry("y", -3.0);
        assertThat(d.json()).contains("\"op\":\"set\",\"id\":2,\"y\":-3.0}");
    }

    @Test
    void ownerOnlyFieldsReachOnlyTheOwnerAndRoleFieldsOnlyThoseRoles() {
        State state = new State(SCHEMA);
        Table t = state.table(THING);
        t.add(1, 1);
        t.add(2, 2);
        t.setInteger(1, SECRET, 11);
        t.setInteger(2, SECRET, 22);
        t.setInteger(1, SCREEN_ONLY, 5);
        t.setInteger(1, INTERNAL, 9);
        Client one = new Client(SCHEMA, Viewer.player(1));
        Client screen = new Client(SCHEMA, Viewer.screen());
        one.receive(frame(state, 1, 0));
        screen.receive(frame(state, 1, 0));
        assertThat(one.things().get(1).values()).containsEntry("secret", 11L).doesNotContainKeys("big", "internal");
        assertThat(one.things().get(2).values()).doesNotContainKeys("secret", "big", "internal");
        assertThat(screen.things().get(1).values()).containsEntry("big", 5L).doesNotContainKeys("secret", "internal");
        t.setInteger(2, SECRET, 23);
        t.setInteger(1, INTERNAL, 10);
        assertThat(one.receive(frame(state, 2, 0)).sections()).as("others' secrets and hidden fields: no delta").isEmpty();
        assertThat(one.receive(frame(state, 2, 0)).json()).doesNotContain("secret").doesNotContain("internal");
    }

    @Test
    void interestCellsBringEntitiesIntoViewAndTakeThemOut() {
        State state = new State(SCHEMA);
        Table t = state.table(THING);
        t.add(1, 1); // the viewer's eye, at (5, 5): cell (0, 0)
        t.setDecimal(1, X, 5);
        t.setDecimal(1, Y, 5);
        t.add(2, 0);
        t.setDecimal(2, X, 150); // cell (1, 0): a neighbour
        t.add(3, 0);
        t.setDecimal(3, X, 250); // cell (2, 0): out of view
        Client c = new Client(SCHEMA, Viewer.player(1));
        Client screen = new Client(SCHEMA, Viewer.screen());
        c.receive(frame(state, 1, 100));
        screen.receive(frame(state, 1, 100));
        assertThat(c.things()).containsOnlyKeys(1, 2);
        assertThat(screen.things()).containsOnlyKeys(1, 2, 3);
        t.setDecimal(1, X, 105); // the eye moves to cell (1, 0): 3 comes into view; 2 stays
        c.receive(frame(state, 2, 100));
        assertThat(c.things()).containsOnlyKeys(1, 2, 3);
        t.setDecimal(1, X, -150); // cell (-2, 0): both out of view
        c.receive(frame(state, 3, 100));
        assertThat(c.things()).containsOnlyKeys(1);
    }

    @Test
    void resyncSendsTheFullStateAgain() {
        State state = new State(SCHEMA);
        state.table(THING).add(1, 0);
        Client c = new Client(SCHEMA, Viewer.spectator());
        c.receive(frame(state, 1, 0));
        c.stream.resync();
        Delta d = c.receive(frame(state, 2, 0));
        assertThat(d.full()).isTrue();
        assertThat(c.things()).containsOnlyKeys(1);
    }

    @Test
    void noCapOnFieldsOrEntities() {
        Kind.Builder wide = Kind.builder("wide");
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            fields.add(wide.integer("f" + i, 0, 1000, Visibility.EVERYONE));
        }
        Kind kind = wide.build();
        Schema schema = new Schema(List.of(kind), List.of(), List.of());
        State state = new State(schema);
        Table t = state.table(kind);
        for (int id = 1; id <= 1_000; id++) {
            t.add(id, 0);
        }
        Client c = new Client(schema, Viewer.spectator());
        c.receive(Frame.of(state, 1, Phase.ENDLESS, List.of(), 0));
        t.setInteger(1_000, fields.get(299), 999);
        t.setInteger(7, fields.get(64), 3);
        Delta d = c.receive(Frame.of(state, 2, Phase.ENDLESS, List.of(), 0));
        assertThat(d.binary().length).as("two entities, two fields").isLessThan(120);
        Map<Integer, StateDecoder.Entity> all = c.binary.entities().get("wide");
        assertThat(all).hasSize(1_000);
        assertThat(all.get(1_000).values()).containsEntry("f299", 999L).hasSize(300);
        assertThat(all.get(7).values()).containsEntry("f64", 3L);
    }

    @Test
    void phaseAndScoresTravelWhenTheyChange() {
        CoinRushGame game = new CoinRushGame();
        var m = dev.arena.spi.Match.start(game, dev.arena.spi.Settings.defaults(game), 20, 3);
        m.join(4, "a");
        Client c = new Client(game.schema(), Viewer.player(4));
        m.step();
        Delta first = c.receive(Frame.of(m, 0));
        assertThat(first.phase()).isEqualTo(new Phase("playing", 1, 1199));
        assertThat(first.scores()).hasSize(1);
        m.step();
        Delta second = c.receive(Frame.of(m, 0));
        assertThat(second.phase()).isEqualTo(new Phase("playing", 1, 1198));
        assertThat(second.scores()).as("unchanged scores are not sent again").isNull();
        assertThat(c.binary.phase()).isEqualTo(m.phase());
        assertThat(c.json.scores()).isEqualTo(m.scores());
    }
}
