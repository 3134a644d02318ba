package dev.arena.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StateTest {
    enum Mood { calm, angry }

    static final Kind.Builder B = Kind.builder("thing");
    static final Field N = B.integer("n", -3, 3, Visibility.EVERYONE);
    static final Field X = B.decimal("x", 1, 2, 10, Visibility.EVERYONE);
    static final Field NAME = B.text("name", 4, Visibility.EVERYONE);
    static final Field MOOD = B.choice("mood", Mood.class, Visibility.EVERYONE);
    static final Field ON = B.bool("on", Visibility.HIDDEN);
    static final Kind THING = B.build();
    static final Kind OTHER = Kind.builder("other").build();
    static final Schema SCHEMA = new Schema(List.of(THING, OTHER), List.of(), List.of());

    @Test
    void newEntitiesStartAtTheirTypesZeroAndIdsAreNeverReused() {
        Table t = new State(SCHEMA).table(THING);
        int a = t.spawn(0);
        int b = t.spawn(0);
        t.remove(b);
        assertThat(t.spawn(0)).isEqualTo(3);
        assertThat(t.integer(a, N)).isZero();
        assertThat(t.decimal(a, X)).as("the bound nearest to 0").isEqualTo(1.0);
        assertThat(t.text(a, NAME)).isEmpty();
        assertThat(t.choice(a, MOOD)).isZero();
        assertThat(t.bool(a, ON)).isFalse();
        assertThat(t.ids()).containsExactly(1, 3);
    }

    /** Table remembers the row it looked up last (no Integer per access): a removed id must not come back from it. */
    @Test
    void anEntityRemovedAndAddedAgainUnderItsIdStartsAfreshAndAGoneOneIsGone() {
        Table t = new State(SCHEMA).table(THING);
        t.add(1000, 7);
        t.setInteger(1000, N, 3);
        assertThat(t.integer(1000, N)).isEqualTo(3);
        t.remove(1000);
        assertThat(t.has(1000)).isFalse();
        assertThatThrownBy(() -> t.integer(1000, N)).hasMessage("thing 1000 does not exist");
        t.add(1000, 8);
        assertThat(t.integer(1000, N)).as("a new entity, not the removed one").isZero();
        assertThat(t.owner(1000)).isEqualTo(8);
        t.add(2000, 0);
        t.setInteger(2000, N, -2);
        assertThat(t.integer(1000, N)).isZero();
        assertThat(t.integer(2000, N)).isEqualTo(-2);
    }

    @Test
    void forEachWalksTheEntitiesInOrderAndItsFieldAccessesReachTheRightOne() {
        Table t = new State(SCHEMA).table(THING);
        int[] ids = {900, 5, 70000, 131};
        for (int id : ids) {
            t.add(id, 0);
            t.setInteger(id, N, id % 3);
        }
        t.remove(70000);
        List<Integer> seen = new java.util.ArrayList<>();
        t.forEach(id -> {
            seen.add(id);
            t.setInteger(id, N, t.integer(id, N) - 1);
            t.setInteger(131, N, 3); // another entity's field, inside the walk
        });
        assertThat(seen).containsExactly(900, 5, 131);
        assertThat(t.integer(900, N)).isEqualTo(-1);
        assertThat(t.integer(5, N)).isEqualTo(1);
        assertThat(t.integer(131, N)).isEqualTo(3);
        assertThatThrownBy(() -> t.forEach(t::remove)).isInstanceOf(java.util.ConcurrentModificationException.class);
    }

    @Test
    void valuesOutOfTheirDeclaredTypeAreRefusedWhereTheyAreSet() {
        Table t = new State(SCHEMA).table(THING);
        t.add(5, 2);
        assertThatThrownBy(() -> t.setInteger(5, N, 4)).hasMessage("thing.n must be an integer in -3..3: 4");
        assertThatThrownBy(() -> t.setDecimal(5, X, Double.NaN)).hasMessageContaining("must be a number in 1..2");
        assertThatThrownBy(() -> t.setText(5, NAME, "toolong")).hasMessageContaining("at most 4 characters");
        assertThatThrownBy(() -> t.setChoice(5, MOOD, "sad")).hasMessageContaining("one of [calm, angry]");
        assertThatThrownBy(() -> t.setDecimal(5, N, 1)).hasMessageContaining("not a Decimal field");
        assertThatThrownBy(() -> t.add(5, 0)).hasMessageContaining("new");
        assertThatThrownBy(() -> t.integer(6, N)).hasMessage("thing 6 does not exist");
    }

    @Test
    void aCaptureRestoresEveryValueExactly() {
        State s = new State(SCHEMA);
        Table t = s.table(THING);
        t.add(9, 4);
        t.setDecimal(9, X, 1.0 + Math.ulp(1.0));
        t.setText(9, NAME, "ü✓");
        t.setChoice(9, MOOD, Mood.angry);
        t.setBool(9, ON, true);
        t.spawn(0);
        t.remove(10);
        State r = State.restore(SCHEMA, s.capture());
        Table u = r.table(THING);
        assertThat(u.decimal(9, X)).isEqualTo(1.0 + Math.ulp(1.0));
        assertThat(u.text(9, NAME)).isEqualTo("ü✓");
        assertThat(u.choice(9, MOOD)).isEqualTo(1);
        assertThat(u.bool(9, ON)).isTrue();
        assertThat(u.owner(9)).isEqualTo(4);
        assertThat(u.spawn(0)).as("the id counter is part of the state").isEqualTo(11);
        assertThat(r.capture()).isNotEqualTo(s.capture());
        assertThat(State.restore(SCHEMA, s.capture()).capture()).isEqualTo(s.capture());
    }

    @Test
    void declarationsRejectReservedAndDuplicateNames() {
        Kind.Builder b = Kind.builder("k");
        b.integer("a", 0, 1, Visibility.EVERYONE);
        assertThatThrownBy(() -> b.integer("a", 0, 1, Visibility.EVERYONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.integer("id", 0, 1, Visibility.EVERYONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.decimal("d", 0, 1L << 50, 100, Visibility.EVERYONE))
                .hasMessageContaining("2^51");
        assertThatThrownBy(() -> new Schema(List.of(THING, THING), List.of(), List.of()))
                .hasMessage("kind 'thing' is declared twice");
    }
}
