package dev.arena.games.dots;

import static dev.arena.games.dots.DotsGame.DX;
import static dev.arena.games.dots.DotsGame.DY;
import static dev.arena.games.dots.DotsGame.HUE;
import static dev.arena.games.dots.DotsGame.X;
import static dev.arena.games.dots.DotsGame.Y;

import dev.arena.game.Colour;
import dev.arena.game.Input;
import dev.arena.game.Movement;
import dev.arena.game.PlayerName;
import dev.arena.game.Rules;
import dev.arena.spi.Admission;
import dev.arena.spi.Phase;
import dev.arena.spi.PlayerInput;
import dev.arena.spi.Rng;
import dev.arena.spi.Score;
import dev.arena.spi.Setup;
import dev.arena.spi.Simulation;
import dev.arena.spi.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * One room of dots. Joining is what {@code World.join} does (a random spawn inside the map, a colour unlike the
 * others', the cleaned name or "Player N"), but the id is the server's; each step moves every dot by
 * {@link Movement#step}.
 */
final class DotsSimulation implements Simulation {
    private static final int ROOM_ID = 1;
    private final Rules rules;
    private final Rng random;
    private final Table players;
    private final Table room;

    DotsSimulation(Rules rules, Setup setup) {
        this.rules = rules;
        this.random = setup.random();
        this.players = setup.state().table(DotsGame.PLAYER);
        this.room = setup.state().table(DotsGame.ROOM);
    }

    @Override
    public Admission join(int player, String requestedName) {
        if (!room.has(ROOM_ID)) {
            room.add(ROOM_ID, 0);
        }
        long joins = room.integer(ROOM_ID, DotsGame.JOINS) + 1;
        room.setInteger(ROOM_ID, DotsGame.JOINS, joins);
        List<Colour> taken = new ArrayList<>();
        players.forEach(id -> taken.add(new Colour((int) players.integer(id, HUE))));
        Colour colour = Colour.pick(random, taken);
        double r = rules.radius();
        double x = r + random.nextDouble() * (rules.width() - 2 * r);
        double y = r + random.nextDouble() * (rules.height() - 2 * r);
        players.add(player, player);
        players.setText(player, DotsGame.NAME_FIELD, PlayerName.clean(requestedName, "Player " + joins));
        players.setInteger(player, HUE, colour.hue());
        players.setDecimal(player, X, x);
        players.setDecimal(player, Y, y);
        return Admission.ADMITTED;
    }

    @Override
    public void leave(int player) {
        players.remove(player);
    }

    @Override
    public void idle(int player) {
        players.setInteger(player, DX, 0);
        players.setInteger(player, DY, 0);
    }

    @Override
    public void input(int player, PlayerInput input) {
        players.setInteger(player, DX, input.integer(DotsGame.MOVE_DX));
        players.setInteger(player, DY, input.integer(DotsGame.MOVE_DY));
    }

    @Override
    public void step(long tick, double dt) {
        players.forEach(id -> {
            Input held = Input.of((int) players.integer(id, DX), (int) players.integer(id, DY));
            if (!held.equals(Input.NONE)) { // Movement.step, coordinate by coordinate: no Vec2 per player per tick
                players.setDecimal(id, X, Movement.x(players.decimal(id, X), held, rules));
                players.setDecimal(id, Y, Movement.y(players.decimal(id, Y), held, rules));
            }
        });
    }

    @Override
    public Phase phase() {
        return Phase.ENDLESS;
    }

    @Override
    public List<Score> scores() {
        return List.of();
    }
}
