package dev.arena.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RngTest {
    @Test
    void isSplitMix64AsInSplittableRandom() {
        Rng rng = new Rng(12345);
        SplittableRandom reference = new SplittableRandom(12345);
        for (int i = 0; i < 1000; i++) {
            assertThat(rng.nextLong()).isEqualTo(reference.nextLong());
        }
    }

    @Test
    void aRestoredGeneratorDrawsWhatTheOriginalWould() {
        Rng original = new Rng(7);
        for (int i = 0; i < 17; i++) {
            original.nextDouble();
        }
        Rng copy = Rng.restore(original.state());
        for (int i = 0; i < 1000; i++) {
            assertThat(copy.nextInt(360)).isEqualTo(original.nextInt(360));
            assertThat(copy.nextDouble()).isEqualTo(original.nextDouble());
        }
    }

    @Test
    void aSplitGeneratorIsIndependentAndDeterministic() {
        Rng a = new Rng(1);
        Rng b = new Rng(1);
        Rng childA = a.split();
        Rng childB = b.split();
        assertThat(childA.nextLong()).isEqualTo(childB.nextLong());
        assertThat(childA.state()).isNotEqualTo(a.state());
    }
}
