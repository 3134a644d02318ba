package dev.arena.games.coinrush;

import static dev.arena.games.coinrush.CoinRushGame.*;

import dev.arena.game.Colour;
import dev.arena.game.PlayerName;
import dev.arena.spi.Admission;
import dev.arena.spi.Events;
import dev.arena.spi.Phase;
import dev.arena.spi.PlayerInput;
import dev.arena.spi.Rng;
import dev.arena.spi.Score;
import dev.arena.spi.Settings;
import dev.arena.spi.Setup;
import dev.arena.spi.Simulation;
import dev.arena.spi.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One room of coin rush. All of its state is in the tables (players, coins, and the round: one entity, id 1, made
 * at the first join or step); its own fields are settings turned into ticks. Time is counted in ticks: a setting of
 * s seconds is {@code round(s * tickRate)} ticks.
 */
final class CoinRushSimulation implements Simulation {
    private static final int ROUND_ID = 1;
    private static final int MAX_POINTS = 5;
    private final CoinRushRule.Motion motion;
    private final Rng random;
    private final Events events;
    private final Table players;
    private final Table coins;
    private final Table round;
    private final long roundTicks;
    private final long resultsTicks;
    private final long spawnTicks;
    private final long coinTicks;
    private final long streakTicks;
    private final long maxPlayers;
    private final long maxCoins;

    CoinRushSimulation(Setup setup) {
        Settings s = setup.settings();
        this.motion = CoinRushGame.motion(s);
        if (2 * Math.max(motion.radius(), motion.coinRadius()) > Math.min(motion.width(), motion.height())) {
            throw new IllegalArgumentException("arena.game.coinrush.radius and coinRadius must fit the map");
        }
        this.random = setup.random();
        this.events = setup.events();
        this.players = setup.state().table(PLAYER);
        this.coins = setup.state().table(COIN);
        this.round = setup.state().table(ROUND_KIND);
        int rate = setup.tickRate();
        this.roundTicks = ticks(s.decimal(ROUND_SECONDS), rate);
        this.resultsTicks = ticks(s.decimal(RESULTS_SECONDS), rate);
        this.spawnTicks = ticks(s.decimal(SPAWN_SECONDS), rate);
        this.coinTicks = ticks(s.decimal(COIN_SECONDS), rate);
        this.streakTicks = Math.round(s.decimal(STREAK_SECONDS) * rate);
        this.maxPlayers = s.integer(MAX_PLAYERS);
        this.maxCoins = s.integer(MAX_COINS);
    }

    private static long ticks(double seconds, int rate) {
        return Math.max(1, Math.round(seconds * rate));
    }

    @Override
    public Admission join(int player, String requestedName) {
        if (players.size() >= maxPlayers) {
            return Admission.refused("the game is full (" + maxPlayers + " players)");
        }
        ensureRound();
        long joins = round.integer(ROUND_ID, JOINS) + 1;
        round.setInteger(ROUND_ID, JOINS, joins);
        List<Colour> taken = new ArrayList<>();
        for (int id : players.ids()) {
            taken.add(new Colour((int) players.integer(id, HUE)));
        }
        Colour colour = Colour.pick(random, taken);
        players.add(player, player);
        players.setText(player, PLAYER_NAME, PlayerName.clean(requestedName, "Player " + joins));
        players.setInteger(player, HUE, colour.hue());
        players.setDecimal(player, X, place(motion.radius(), motion.width()));
        players.setDecimal(player, Y, place(motion.radius(), motion.height()));
        players.setInteger(player, LAST_CATCH, -1);
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
        ensureRound();
        if (round.choice(ROUND_ID, STAGE) == Stage.playing.ordinal()) {
            move(dt);
            expire(tick);
            collect(tick);
            spawn(tick);
        }
        long left = round.integer(ROUND_ID, LEFT) - 1;
        round.setInteger(ROUND_ID, LEFT, left);
        if (left == 0) {
            if (round.choice(ROUND_ID, STAGE) == Stage.playing.ordinal()) {
                endRound();
            } else {
                startRound(round.integer(ROUND_ID, ROUND) + 1);
            }
        }
    }

    private void move(double dt) {
        for (int id : players.ids()) {
            CoinRushRule.Body b = CoinRushRule.move(new CoinRushRule.Body(players.decimal(id, X),
                    players.decimal(id, Y), players.decimal(id, VX), players.decimal(id, VY)),
                    (int) players.integer(id, DX), (int) players.integer(id, DY), dt, motion);
            players.setDecimal(id, X, b.x());
            players.setDecimal(id, Y, b.y());
            players.setDecimal(id, VX, b.vx());
            players.setDecimal(id, VY, b.vy());
        }
    }

    private void expire(long tick) {
        for (int coin : coins.ids()) {
            if (coins.integer(coin, EXPIRES) <= tick) {
                coins.remove(coin);
            }
        }
    }

    /** Each coin goes to the first player (in order of joining) who touches it. */
    private void collect(long tick) {
        int[] ids = players.ids();
        for (int coin : coins.ids()) {
            double cx = coins.decimal(coin, COIN_X);
            double cy = coins.decimal(coin, COIN_Y);
            for (int p : ids) {
                if (CoinRushRule.touches(players.decimal(p, X), players.decimal(p, Y), cx, cy, motion)) {
                    coins.remove(coin);
                    long last = players.integer(p, LAST_CATCH);
                    long streak = last >= 0 && tick - last <= streakTicks ? players.integer(p, STREAK) + 1 : 1;
                    long points = Math.min(streak, MAX_POINTS);
                    players.setInteger(p, STREAK, streak);
                    players.setInteger(p, LAST_CATCH, tick);
                    players.setInteger(p, SCORE, players.integer(p, SCORE) + points);
                    events.toRoom(COIN_COLLECTED, coin, p, points);
                    if (streak >= 2) {
                        events.toPlayer(p, STREAK_EVENT, streak);
                    }
                    break;
                }
            }
        }
    }

    private void spawn(long tick) {
        long wait = round.integer(ROUND_ID, SPAWN_IN);
        if (wait > 0) {
            round.setInteger(ROUND_ID, SPAWN_IN, wait - 1);
        } else if (coins.size() < maxCoins) {
            int coin = coins.spawn(0);
            coins.setDecimal(coin, COIN_X, place(motion.coinRadius(), motion.width()));
            coins.setDecimal(coin, COIN_Y, place(motion.coinRadius(), motion.height()));
            coins.setInteger(coin, EXPIRES, tick + coinTicks);
            round.setInteger(ROUND_ID, SPAWN_IN, spawnTicks - 1);
        }
    }

    private void endRound() {
        for (int coin : coins.ids()) {
            coins.remove(coin);
        }
        long best = 0;
        for (int p : players.ids()) {
            best = Math.max(best, players.integer(p, SCORE));
            players.setDecimal(p, VX, 0);
            players.setDecimal(p, VY, 0);
        }
        List<Integer> winners = new ArrayList<>();
        for (int p : players.ids()) {
            if (best > 0 && players.integer(p, SCORE) == best) {
                winners.add(p);
            }
        }
        round.setChoice(ROUND_ID, STAGE, Stage.results);
        round.setInteger(ROUND_ID, LEFT, resultsTicks);
        events.toRoom(ROUND_OVER, round.integer(ROUND_ID, ROUND), best);
        if (!winners.isEmpty()) {
            events.toPlayers(winners, YOU_WON, best);
        }
    }

    private void startRound(long number) {
        round.setChoice(ROUND_ID, STAGE, Stage.playing);
        round.setInteger(ROUND_ID, ROUND, number);
        round.setInteger(ROUND_ID, LEFT, roundTicks);
        round.setInteger(ROUND_ID, SPAWN_IN, 0);
        for (int p : players.ids()) {
            players.setInteger(p, SCORE, 0);
            players.setInteger(p, STREAK, 0);
            players.setInteger(p, LAST_CATCH, -1);
        }
    }

    private void ensureRound() {
        if (!round.has(ROUND_ID)) {
            round.add(ROUND_ID, 0);
            startRound(1);
        }
    }

    private double place(double r, double size) {
        return r + random.nextDouble() * (size - 2 * r);
    }

    @Override
    public Phase phase() {
        if (!round.has(ROUND_ID)) {
            return new Phase(Stage.playing.name(), 1, roundTicks);
        }
        return new Phase(Stage.values()[round.choice(ROUND_ID, STAGE)].name(), (int) round.integer(ROUND_ID, ROUND),
                round.integer(ROUND_ID, LEFT));
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
