package dev.arena.snapshot;

import dev.arena.spi.Field;
import dev.arena.spi.Kind;
import dev.arena.spi.Schema;
import dev.arena.spi.Viewer;
import java.util.Arrays;
import java.util.List;

/**
 * Who sees what of a schema, for viewers of one role: per kind, whether they see the kind and which fields, on
 * others' entities and on their own. {@link dev.arena.spi.Visibility} depends on the viewer's role and on whether it
 * owns the entity, nothing else, so viewers of one role are alike on others' entities: what {@link ClientStream}
 * groups them by. Immutable once made.
 */
final class ViewProfile {
    /** The first role with the same profile: viewers of roles alike share their sections. */
    int index;
    final boolean[] kindOthers;
    final boolean[] kindOwn;
    final int[][] others;
    final int[][] own;
    /** The fields the owner sees and others of its role do not. */
    final int[][] ownOnly;

    private ViewProfile(Schema schema, Viewer.Role role) {
        List<Kind> kinds = schema.kinds();
        boolean player = role == Viewer.Role.PLAYER || role == Viewer.Role.CONTROLLER;
        Viewer v = new Viewer(player ? 1 : 0, role); // visibility depends on the role and on owner == player only
        index = role.ordinal();
        kindOthers = new boolean[kinds.size()];
        kindOwn = new boolean[kinds.size()];
        others = new int[kinds.size()][];
        own = new int[kinds.size()][];
        ownOnly = new int[kinds.size()][];
        for (int k = 0; k < kinds.size(); k++) {
            Kind kind = kinds.get(k);
            kindOthers[k] = kind.visibility().shows(v, 2);
            kindOwn[k] = player && kind.visibility().shows(v, 1);
            int[] seen = fields(kind, v, 2);
            others[k] = seen;
            own[k] = player ? fields(kind, v, 1) : seen;
            ownOnly[k] = Arrays.stream(own[k]).filter(f -> Arrays.stream(seen).noneMatch(o -> o == f)).toArray();
        }
    }

    static ViewProfile of(Schema schema, Viewer.Role role) {
        ViewProfile p = new ViewProfile(schema, role);
        for (Viewer.Role r : Viewer.Role.values()) {
            if (r.ordinal() < role.ordinal() && new ViewProfile(schema, r).sameAs(p)) {
                p.index = r.ordinal();
                break;
            }
        }
        return p;
    }

    private boolean sameAs(ViewProfile p) {
        return Arrays.equals(kindOthers, p.kindOthers) && Arrays.equals(kindOwn, p.kindOwn)
                && Arrays.deepEquals(others, p.others) && Arrays.deepEquals(own, p.own);
    }

    private static int[] fields(Kind kind, Viewer v, int owner) {
        return kind.fields().stream().filter(f -> f.visibility().shows(v, owner)).mapToInt(Field::index).toArray();
    }
}
