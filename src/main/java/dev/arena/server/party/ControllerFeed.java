package dev.arena.server.party;

import dev.arena.game.PlayerState;
import dev.arena.protocol.Assembler;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ServerMessage;

/**
 * What a {@code controller} is sent instead of the room's snapshots: its own state ({@code self}: position and the
 * newest applied input), only in the ticks where it changed. A phone held still costs nothing; a moving one one
 * small message a tick, whatever the number of players. One per controller; used by the room's tick thread only.
 */
public final class ControllerFeed {
    private ServerMessage.Self last;

    /** The {@code self} text for this tick, or null when nothing changed since the last one. */
    public String next(PlayerState you, long tick, long nowMillis, Codec codec) {
        ServerMessage.Self self = Assembler.self(you, tick, nowMillis);
        if (last != null && last.x() == self.x() && last.y() == self.y() && last.seq() == self.seq()) {
            return null;
        }
        last = self;
        return codec.encode(self);
    }

    /** Sends the state at the next tick even if unchanged (a new connection took over the player). */
    public void reset() {
        last = null;
    }
}
