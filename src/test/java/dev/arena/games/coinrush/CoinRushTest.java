package dev.arena.games.coinrush;

import static dev.arena.games.coinrush.CoinRushGame.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.spi.Admission;
import dev.arena.spi.Event;
import dev.arena.spi.Match;
import dev.arena.spi.Phase;
import dev.arena.spi.PlayerInput;
import dev.arena.spi.Score;
import dev.arena.spi.Settings;
import dev.arena.spi.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoinRushTest {
    static final CoinRushGame GAME = new CoinRushGame();

    static Match match(Map<String, String> settings) {
        Map<String, String> all = new java.util.HashMap<>();
        settings.forEach((k, v) -> all.put("arena.game.coinrush." + k, v));
        return Match.start(GAME, Settings.read(GAME, all), 20, 42);
    }

    @Test
    void aRoundLastsItsSecondsThenTheResultsThenTheNextRound() {
        Match m = match(Map.of("roundSeconds", "2", "resultsSeconds", "1"));
        m.join(1, "a");
        assertThat(m.phase()).isEqualTo(new Phase("playing", 1, 40));
        List<Event> events = new ArrayList<>();
        for (int t = 1; t < 40; t++) {
            m.step();
            events.addAll(m.drainEvents());
        }
        assertThat(m.phase()).isEqualTo(new Phase("playing", 1, 1));
        assertThat(events).noneMatch(e -> e.type() == ROUND_OVER);
        m.step();
        assertThat(m.phase()).isEqualTo(new Phase("results", 1, 20));
        assertThat(m.drainEvents()).filteredOn(e -> e.type() == ROUND_OVER).singleElement()
                .satisfies(e -> assertThat(e.to()).isEqualTo(new Event.ToRoom()));
        assertThat(m.state().table(COIN).size()).as("coins go at the end of a round").isZero();
        for (int t = 0; t < 20; t++) {
            m.step();
        }
        assertThat(m.phase()).isEqualTo(new Phase("playing", 2, 40));
    }

    @Test
    void coinsAppearAtRandomAndVanishWhenTheirTimeIsUp() {
        Match m = match(Map.of("maxCoins", "3", "spawnSeconds", "0.05", "coinSeconds", "0.5"));
        Table coins = m.state().table(COIN);
        List<Integer> seen = new ArrayList<>();
        for (int t = 1; t <= 60; t++) {
            m.step();
            assertThat(coins.size()).isBetween(0, 3);
            for (int id : coins.ids()) {
                if (!seen.contains(id)) {
                    seen.add(id);
                }
                assertThat(coins.integer(id, EXPIRES)).isGreaterThan(m.tick());
            }
        }
        assertThat(seen).hasSizeGreaterThan(10).isSorted();
        assertThat(seen.stream().map(id -> id).distinct()).hasSameSizeAs(seen);
    }

    @Test
    void touchingACoinScoresItAndQuickCatchesMakeAStreakOnlyItsOwnerHears() {
        Match m = match(Map.of("maxCoins", "1", "spawnSeconds", "60"));
        m.join(1, "a");
        m.join(2, "b");
        m.step(); // the first coin spawns
        Table players = m.state().table(PLAYER);
        Table coins = m.state().table(COIN);
        int coin = coins.ids()[0];
        players.setDecimal(1, X, coins.decimal(coin, COIN_X));
        players.setDecimal(1, Y, coins.decimal(coin, COIN_Y));
        m.drainEvents();
        m.step();
        assertThat(coins.has(coin)).isFalse();
        assertThat(m.drainEvents()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(COIN_COLLECTED);
            assertThat(e.values()).containsExactly((long) coin, 1L, 1L);
        });
        assertThat(m.scores()).containsExactly(new Score(1, 1), new Score(2, 0));
        int second = coins.spawn(0); // as if spawned: right under player 1 again, 1 tick later
        coins.setDecimal(second, COIN_X, players.decimal(1, X));
        coins.setDecimal(second, COIN_Y, players.decimal(1, Y));
        coins.setInteger(second, EXPIRES, 1000);
        m.step();
        List<Event> events = m.drainEvents();
        assertThat(events).extracting(Event::type).containsExactly(COIN_COLLECTED, STREAK_EVENT);
        assertThat(events.get(1).to()).isEqualTo(new Event.ToPlayer(1));
        assertThat(players.integer(1, STREAK)).isEqualTo(2);
        assertThat(m.scores()).containsExactly(new Score(1, 3), new Score(2, 0));
    }

    @Test
    void theWinnersHearTheyWonAndAFullGameRefusesWithAReason() {
        Match m = match(Map.of("maxPlayers", "2", "roundSeconds", "1"));
        assertThat(m.join(1, "a")).isEqualTo(Admission.ADMITTED);
        assertThat(m.join(2, "b")).isEqualTo(Admission.ADMITTED);
        assertThat(m.join(3, "c")).isEqualTo(Admission.refused("the game is full (2 players)"));
        m.state().table(PLAYER).setInteger(2, SCORE, 7);
        List<Event> events = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            m.step();
            events.addAll(m.drainEvents());
        }
        assertThat(events).filteredOn(e -> e.type() == YOU_WON).singleElement().satisfies(e -> {
            assertThat(e.to()).isEqualTo(new Event.ToPlayers(List.of(2)));
            assertThat(e.values()).containsExactly(7L);
        });
    }

    @Test
    void resultsFreezeThePlayersAndInputsStillCount() {
        Match m = match(Map.of("roundSeconds", "1", "resultsSeconds", "2"));
        m.join(1, "a");
        m.input(1, PlayerInput.of(MOVE, 1, 1, 0));
        for (int t = 0; t < 20; t++) {
            m.step();
        }
        assertThat(m.phase().name()).isEqualTo("results");
        Table players = m.state().table(PLAYER);
        double x = players.decimal(1, X);
        m.step();
        assertThat(players.decimal(1, X)).isEqualTo(x);
        assertThat(players.integer(1, DX)).isEqualTo(1);
    }

    /** A name of 20 emoji (40 UTF-16 units) is admitted whole; it was once refused by a 20-unit name field. */
    @Test
    void aNameOfTwentyEmojiIsAdmittedWhole() {
        Match m = match(Map.of());
        String emoji = "\uD83E\uDE99"; // coin
        assertThat(m.join(1, emoji.repeat(30))).isEqualTo(Admission.ADMITTED);
        assertThat(m.state().table(PLAYER).text(1, PLAYER_NAME)).isEqualTo(emoji.repeat(20));
    }
}
