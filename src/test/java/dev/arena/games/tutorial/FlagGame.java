package dev.arena.games.tutorial;

import dev.arena.spi.Admission;
import dev.arena.spi.Events;
import dev.arena.spi.Field;
import dev.arena.spi.Game;
import dev.arena.spi.Kind;
import dev.arena.spi.MessageType;
import dev.arena.spi.Phase;
import dev.arena.spi.PlayerInput;
import dev.arena.spi.Rng;
import dev.arena.spi.Schema;
import dev.arena.spi.Score;
import dev.arena.spi.Setting;
import dev.arena.spi.Setup;
import dev.arena.spi.Simulation;
import dev.arena.spi.Table;
import dev.arena.spi.Visibility;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The example game of docs/games.md: players walk a grid; whoever steps on the flag scores, and it moves. */
public final class FlagGame implements Game {
    // 1. Settings: read as arena.game.flag.size
    static final Setting SIZE = Setting.integer("size", 3, 1000, 10, "cells on each side of the grid");

    // 2. State: kinds of entity with typed fields, and who sees what
    private static final Kind.Builder P = Kind.builder("player");
    static final Field X = P.integer("x", 0, 999, Visibility.EVERYONE);
    static final Field Y = P.integer("y", 0, 999, Visibility.EVERYONE);
    static final Field SCORE = P.integer("score", 0, Integer.MAX_VALUE, Visibility.EVERYONE);
    static final Field DX = P.integer("dx", -1, 1, Visibility.HIDDEN);
    static final Field DY = P.integer("dy", -1, 1, Visibility.HIDDEN);
    static final Kind PLAYER = P.build();

    private static final Kind.Builder F = Kind.builder("flag");
    static final Field FLAG_X = F.integer("x", 0, 999, Visibility.EVERYONE);
    static final Field FLAG_Y = F.integer("y", 0, 999, Visibility.EVERYONE);
    static final Kind FLAG = F.build();

    // 3. Inputs and events, typed the same way
    private static final MessageType.Builder M = MessageType.builder("move");
    static final Field MOVE_DX = M.integer("dx", -1, 1);
    static final Field MOVE_DY = M.integer("dy", -1, 1);
    static final MessageType MOVE = M.build();

    private static final MessageType.Builder C = MessageType.builder("captured");
    static final Field BY = C.integer("player", 1, Integer.MAX_VALUE);
    static final MessageType CAPTURED = C.build();

    private static final Schema SCHEMA = new Schema(List.of(PLAYER, FLAG), List.of(MOVE), List.of(CAPTURED));

    @Override
    public String name() {
        return "flag";
    }

    @Override
    public List<Setting> settings() {
        return List.of(SIZE);
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public Simulation create(Setup setup) {
        return new Room(setup);
    }

    // 4. The simulation: all state in the tables, time is the tick, randomness from the room's Rng
    static final class Room implements Simulation {
        private final int size;
        private final Rng random;
        private final Events events;
        private final Table players;
        private final Table flags;

        Room(Setup setup) {
            size = (int) setup.settings().integer(SIZE);
            random = setup.random();
            events = setup.events();
            players = setup.state().table(PLAYER);
            flags = setup.state().table(FLAG);
        }

        @Override
        public Admission join(int player, String requestedName) {
            if (players.size() >= size) {
                return Admission.refused("the grid is full");
            }
            players.add(player, player);
            players.setInteger(player, X, random.nextInt(size));
            players.setInteger(player, Y, random.nextInt(size));
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
            players.setInteger(player, DX, input.integer(MOVE_DX));
            players.setInteger(player, DY, input.integer(MOVE_DY));
        }

        @Override
        public void step(long tick, double dt) {
            if (flags.size() == 0) {
                int flag = flags.spawn(0);
                flags.setInteger(flag, FLAG_X, random.nextInt(size));
                flags.setInteger(flag, FLAG_Y, random.nextInt(size));
            }
            int flag = flags.ids()[0];
            for (int p : players.ids()) {
                long x = Math.max(0, Math.min(size - 1, players.integer(p, X) + players.integer(p, DX)));
                long y = Math.max(0, Math.min(size - 1, players.integer(p, Y) + players.integer(p, DY)));
                players.setInteger(p, X, x);
                players.setInteger(p, Y, y);
                if (flags.has(flag) && x == flags.integer(flag, FLAG_X) && y == flags.integer(flag, FLAG_Y)) {
                    players.setInteger(p, SCORE, players.integer(p, SCORE) + 1);
                    events.toRoom(CAPTURED, p);
                    flags.remove(flag); // a new one appears next tick
                }
            }
        }

        @Override
        public Phase phase() {
            return Phase.ENDLESS;
        }

        @Override
        public List<Score> scores() {
            List<Score> out = new ArrayList<>();
            for (int p : players.ids()) {
                out.add(new Score(p, players.integer(p, SCORE)));
            }
            out.sort(Comparator.comparingLong(Score::points).reversed().thenComparingInt(Score::player));
            return out;
        }
    }
}
