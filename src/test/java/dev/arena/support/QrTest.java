package dev.arena.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.server.party.Party;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The tests' QR reader reads what the server draws: every join link, not all but one in 2,000. */
class QrTest {
    @Test
    void joinLinksThatZxingsDetectorMissesReadBackFromTheirRows() {
        // two of the one-in-2,000 links whose code ZXing's detector could not find (NotFoundException); PartyIT once
        // failed on such a code with a ChecksumException
        for (String code : new String[] {"DMBMR", "MBRSZ"}) {
            String link = "http://127.0.0.1:34567/controller.html?room=" + code;
            assertThat(Qr.decodeRows(Party.qr(link))).isEqualTo(link);
        }
    }

    @Test
    void aThousandRandomJoinLinksReadBackFromTheirRows() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 1000; i++) {
            String link = "http://127.0.0.1:" + random.nextInt(1024, 65536) + "/controller.html?room="
                    + Party.newCode(random);
            assertThat(Qr.decodeRows(Party.qr(link))).as(link).isEqualTo(link);
        }
    }
}
