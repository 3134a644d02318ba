package dev.arena.spi;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may see a field (or a whole kind of entity). The framework applies it when it encodes each connection's
 * state: a field a viewer may not see is never sent to it, neither in full state nor in deltas.
 */
public sealed interface Visibility {
    Visibility EVERYONE = new Everyone();
    Visibility OWNER = new Owner();
    Visibility HIDDEN = new Hidden();

    /** Whether {@code viewer} sees this on an entity owned by player {@code owner} (0: nobody's). */
    boolean shows(Viewer viewer, int owner);

    /** The wire name, for the schema clients receive: everyone, owner, hidden, or roles:a,b. */
    String wireName();

    static Visibility roles(Viewer.Role first, Viewer.Role... more) {
        return new Roles(EnumSet.of(first, more));
    }

    /** Every viewer. */
    record Everyone() implements Visibility {
        public boolean shows(Viewer viewer, int owner) {
            return true;
        }

        public String wireName() {
            return "everyone";
        }
    }

    /** Only the player who owns the entity (and its controller): a hidden per-player field. */
    record Owner() implements Visibility {
        public boolean shows(Viewer viewer, int owner) {
            return owner != 0 && viewer.player() == owner;
        }

        public String wireName() {
            return "owner";
        }
    }

    /** Viewers of these roles, e.g. only screens see a field that phones do not need. */
    record Roles(Set<Viewer.Role> roles) implements Visibility {
        public Roles {
            roles = Set.copyOf(roles);
        }

        public boolean shows(Viewer viewer, int owner) {
            return roles.contains(viewer.role());
        }

        public String wireName() {
            return "roles:" + String.join(",", roles.stream().map(r -> r.name().toLowerCase(java.util.Locale.ROOT))
                    .sorted().toList());
        }
    }

    /** Nobody: the game's own bookkeeping (held input, timers). Part of the room's state and its capture, never sent. */
    record Hidden() implements Visibility {
        public boolean shows(Viewer viewer, int owner) {
            return false;
        }

        public String wireName() {
            return "hidden";
        }
    }
}
