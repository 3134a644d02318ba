package dev.arena.server.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.server.ArenaConfig;
import dev.arena.server.connection.MessageRate.Verdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MessageRateTest {
    private static final ArenaConfig D = ArenaConfig.DEFAULT;

    private static Map<Verdict, Integer> count(MessageRate rate, List<Long> times) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (long t : times) {
            counts.merge(rate.admit(t), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void aBurstUpToTheBucketSizeIsAccepted() {
        MessageRate rate = new MessageRate(10, 20, 0);
        for (int i = 0; i < 20; i++) {
            assertThat(rate.admit(0)).isEqualTo(Verdict.ACCEPT);
        }
        assertThat(rate.admit(0)).isEqualTo(Verdict.WARN);
    }

    @Test
    void floodingWarnsOnceThenDropsThenClosesAfterASecondsWorthOfRefusals() {
        MessageRate rate = new MessageRate(10, 20, 0);
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            verdicts.add(rate.admit(0));
        }
        assertThat(verdicts.subList(0, 20)).containsOnly(Verdict.ACCEPT);
        assertThat(verdicts.get(20)).isEqualTo(Verdict.WARN);
        assertThat(verdicts.subList(21, 30)).containsOnly(Verdict.DROP);
        assertThat(verdicts.get(30)).isEqualTo(Verdict.CLOSE); // the 11th refusal: more than 10 a second over
    }

    @Test
    void theBucketRefillsAtTheSustainedRate() {
        MessageRate rate = new MessageRate(10, 20, 0);
        for (int i = 0; i < 20; i++) {
            rate.admit(0);
        }
        assertThat(rate.admit(50)).isEqualTo(Verdict.WARN); // half a token
        assertThat(rate.admit(100)).isEqualTo(Verdict.ACCEPT); // one token after 100 ms at 10/s
        assertThat(rate.admit(100)).isEqualTo(Verdict.DROP);
    }

    @Test
    void anEpisodeEndsWhenTheBucketIsFullAgain() {
        MessageRate rate = new MessageRate(10, 20, 0);
        for (int i = 0; i < 29; i++) {
            rate.admit(0); // 20 accepted, 9 refused: one short of closing
        }
        assertThat(rate.admit(2_000)).isEqualTo(Verdict.ACCEPT); // 2 s: full again, the episode is over
        for (int i = 0; i < 19; i++) {
            rate.admit(2_000);
        }
        assertThat(rate.admit(2_000)).isEqualTo(Verdict.WARN); // a new episode starts with a warning
    }

    @Test
    void aSenderJustOverTheRateIsClosedOnlyAfterAWhile() {
        MessageRate rate = new MessageRate(10, 20, 0);
        long t = 0;
        int sent = 0;
        Verdict v;
        do {
            t += 90; // 11.1 a second against 10 allowed
            v = rate.admit(t);
            sent++;
        } while (v != Verdict.CLOSE && sent < 10_000);
        assertThat(v).isEqualTo(Verdict.CLOSE);
        assertThat(t).as("ms until closed").isGreaterThan(20_000);
    }

    /**
     * The worst an honest browser does (webapp/js/main.js and input.js): an input on every change of the held
     * directions, a resend every 250 ms while something is held and nothing was sent for 240 ms, a ping every 2 s,
     * and join + ping + input at once after a reconnect. The worst human: a minute of key mashing at 15 changes a
     * second (7-8 presses, each a press and a release), with 2-second spurts of 40 changes a second (a fast drummer
     * on four keys), and a reconnect in the middle. Under the default limits, nothing is refused.
     */
    @Test
    void theRealClientAtItsWorstIsNeverLimitedByTheDefaults() {
        SplittableRandom random = new SplittableRandom(6);
        List<Long> times = new ArrayList<>();
        long lastInput = -1_000;
        for (long t = 0; t < 60_000; ) {
            boolean spurt = (t / 1000) % 10 < 2; // 2 of every 10 seconds
            double perSecond = spurt ? 40 : 15;
            long gap = Math.max(1, Math.round(-Math.log(1 - random.nextDouble()) * 1000 / perSecond)); // Poisson
            for (long r = lastInput + 250; r < t + gap; r += 250) {
                times.add(r); // held-key resends between changes
                lastInput = r;
            }
            t += gap;
            times.add(t);
            lastInput = t;
        }
        for (long t = 0; t < 60_000; t += 2_000) {
            times.add(t); // pings
        }
        times.add(30_000L); // reconnect: join, ping, input
        times.add(30_000L);
        times.add(30_000L);
        times.sort(null);
        assertThat(times.size()).as("messages in a minute").isGreaterThan(60 * 15);
        MessageRate rate = new MessageRate(D.maxMessagesPerSecond(), D.messageBurst(), 0);
        assertThat(count(rate, times)).containsOnlyKeys(Verdict.ACCEPT);
    }

    @Test
    void aScriptSendingAsFastAsItCanIsClosedWithinASecond() {
        MessageRate rate = new MessageRate(D.maxMessagesPerSecond(), D.messageBurst(), 0);
        long t = 0;
        Verdict v = Verdict.ACCEPT;
        for (int i = 0; i < 100_000 && v != Verdict.CLOSE; i++) {
            t = i / 1000; // 1000 messages a millisecond
            v = rate.admit(t);
        }
        assertThat(v).isEqualTo(Verdict.CLOSE);
        assertThat(t).isLessThan(1_000);
    }
}
