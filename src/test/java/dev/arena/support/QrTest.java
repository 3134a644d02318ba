package dev.arena.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.server.party.Party;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The tests' QR reader reads what the server draws: every join link, not all but one in 2,000. */
class QrTest {
    @Test
    void aScreenshotOfTheScreensCodeThatTheDetectorMissesStillReads() throws Exception {
        // PartyBrowserIT's screenshot of a screen's QR code (205 x 205, 5 px modules): ZXing's detector finds no
        // code in it, in any scale or binarizer; read as a pure barcode without the rounded corners' grey, it is the
        // join link.
        byte[] png;
        try (var in = QrTest.class.getResourceAsStream("/qr/detector-miss-screenshot.png")) {
            png = in.readAllBytes();
        }
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Qr.decode(image, true)).isInstanceOf(AssertionError.class);
        org.assertj.core.api.Assertions.assertThat(Qr.decodePng(png))
                .isEqualTo("http://127.0.0.1:46539/controller.html?room=SHGSD");
    }

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
