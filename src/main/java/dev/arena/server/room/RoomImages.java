package dev.arena.server.room;

import dev.arena.game.PlayerId;
import dev.arena.games.dots.World;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ServerMessage;
import dev.arena.spi.Game;
import dev.arena.spi.Match;
import java.util.ArrayList;
import java.util.List;

/**
 * Capture and restore of a room ({@link RoomImage}): the room's server part read from its {@link MatchEngine} (or a
 * dots room's {@link World}) and {@link Seats} and the match's {@link dev.arena.spi.GameImage}, on the tick thread between two
 * ticks; and a fresh {@link Room} made from one, every seat away with a full grace period from the restore.
 */
final class RoomImages {
    private RoomImages() {}

    /** The image of room {@code name} (tick thread, between two ticks). */
    static RoomImage capture(String name, MatchEngine engine, Seats seats) {
        return new RoomImage(name, engine.game(), engine.nextId(), images(seats), engine.match().capture());
    }

    /** The image of dots room {@code name}: its world's id generator and match (tick thread, between two ticks). */
    static RoomImage capture(String name, World world, Seats seats) {
        World.Image w = world.capture();
        return new RoomImage(name, ServerMessage.Welcome.DOTS, w.ids(), images(seats), w.match());
    }

    private static List<RoomImage.SeatImage> images(Seats seats) {
        List<RoomImage.SeatImage> images = new ArrayList<>();
        for (Seat s : seats.all()) {
            images.add(new RoomImage.SeatImage(s.role, s.id == null ? 0 : s.id.value(), s.name == null ? "" : s.name,
                    s.token, s.address));
        }
        return images;
    }

    /**
     * A fresh room from {@code image}, its seats away until {@code nowMillis} plus the grace period. Its game must
     * be one of {@code settings}' games; an image the game cannot restore is an {@link IllegalArgumentException} and
     * no room is made.
     */
    static Room restore(RoomImage image, RoomSettings settings, Codec codec, RoomHost host, long nowMillis) {
        Game game = settings.games().game(image.game());
        if (game == null) {
            throw new IllegalArgumentException("room image of game '" + image.game() + "', which this server has not");
        }
        boolean dots = image.game().equals(ServerMessage.Welcome.DOTS);
        World world = null;
        Match match;
        try {
            if (dots) {
                world = World.restore(new World.Image(image.ids(), image.image()));
                match = world.match();
            } else {
                match = Match.restore(game, image.image());
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("room image of '" + image.room() + "': its game image does not restore: "
                    + e.getMessage(), e);
        }
        for (RoomImage.SeatImage s : image.seats()) {
            if (s.player() > 0 && !match.admitted(s.player())) {
                throw new IllegalArgumentException("room image seat of player " + s.player()
                        + ", whom the game image has not");
            }
        }
        Room room = dots ? new Room(image.room(), world, settings, codec, host)
                : new Room(image.room(), match, settings, codec, host);
        room.restored(image.ids(), image.seats().stream().map(s -> new Seat(s.role(),
                s.player() == 0 ? null : new PlayerId(s.player()), s.name().isEmpty() ? null : s.name(), s.token(),
                s.address(),
                nowMillis + settings.graceMillis())).toList());
        return room;
    }
}
