package dev.arena.game;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlayerNameTest {
    @Test
    void trimsAndFoldsWhiteSpace() {
        assertThat(PlayerName.clean("  Ada \t  Lovelace \n", "x")).isEqualTo("Ada Lovelace");
    }

    @Test
    void dropsControlAndFormattingCharacters() {
        assertThat(PlayerName.clean("A\u0000d\u0007a\u202e", "x")).isEqualTo("Ada");
    }

    @Test
    void cutsToTwentyCodePoints() {
        assertThat(PlayerName.clean("abcdefghijklmnopqrstuvwxyz", "x")).isEqualTo("abcdefghijklmnopqrst");
        String emoji = "\uD83D\uDE00".repeat(25);
        assertThat(PlayerName.clean(emoji, "x").codePointCount(0, PlayerName.clean(emoji, "x").length()))
                .isEqualTo(20);
    }

    @Test
    void emptyOrMissingNameFallsBack() {
        assertThat(PlayerName.clean(null, "Player 3")).isEqualTo("Player 3");
        assertThat(PlayerName.clean(" \u0000 ", "Player 3")).isEqualTo("Player 3");
    }

    @Test
    void keepsMarkupAsPlainText() {
        assertThat(PlayerName.clean("<b>x</b>", "f")).isEqualTo("<b>x</b>");
    }
}
