package dev.arena.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ColourTest {
    @Test
    void hexIsCssColour() {
        assertThat(new Colour(0).hex()).isEqualTo("#dd3c3c");
        assertThat(new Colour(120).hex()).isEqualTo("#3cdd3c");
        assertThat(new Colour(240).hex()).isEqualTo("#3c3cdd");
        for (int hue = 0; hue < 360; hue++) {
            assertThat(new Colour(hue).hex()).matches("#[0-9a-f]{6}");
        }
    }

    @Test
    void pickedColoursStayFarApartForAFewPlayers() {
        SplittableRandom random = new SplittableRandom(1);
        List<Colour> taken = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            taken.add(Colour.pick(random, taken));
        }
        int closest = 180;
        for (int i = 0; i < taken.size(); i++) {
            for (int j = i + 1; j < taken.size(); j++) {
                closest = Math.min(closest, taken.get(i).distance(taken.get(j)));
            }
        }
        assertThat(closest).as("closest pair of 6 hues").isGreaterThanOrEqualTo(25);
    }

    @Test
    void distanceGoesRoundTheWheel() {
        assertThat(new Colour(350).distance(new Colour(10))).isEqualTo(20);
        assertThat(new Colour(0).distance(new Colour(180))).isEqualTo(180);
    }
}
