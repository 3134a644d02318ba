package dev.arena.server.party;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import dev.arena.protocol.ServerMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Party rooms: their short codes, the join link phones open, and its QR code. A {@code screen} that joins without a
 * room gets a new room named by a fresh code; phones join it with that code.
 *
 * <p>Codes are {@link #CODE_LENGTH} capital letters from {@link #ALPHABET}: consonants only (no words, rude or
 * otherwise), without the letters people confuse with digits or with each other (I, L, O, U, V, Y). That is
 * 18^5 = 1.9 million codes, drawn with {@code SecureRandom}: with 1000 rooms (the default limit) a mistyped or
 * made-up code finds a room about once in 1900 tries.
 */
public final class Party {
    public static final String ALPHABET = "BCDFGHJKMNPQRSTWXZ";
    public static final int CODE_LENGTH = 5;
    /** How many different codes there are. */
    public static final long CODE_SPACE = pow(ALPHABET.length(), CODE_LENGTH);

    private Party() {}

    /** A fresh code: {@link #CODE_LENGTH} letters of {@link #ALPHABET}, uniformly at random. */
    public static String newCode(RandomGenerator random) {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** Whether {@code name} could be a party code: {@link #CODE_LENGTH} letters of {@link #ALPHABET}. */
    public static boolean isCode(String name) {
        if (name == null || name.length() != CODE_LENGTH) {
            return false;
        }
        for (int i = 0; i < CODE_LENGTH; i++) {
            if (ALPHABET.indexOf(name.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The URL phones open: the screen's controller page {@code link} with {@code ?room=CODE}; null without link. */
    public static String joinUrl(String link, String code) {
        return link == null ? null : link + "?room=" + code;
    }

    /** The {@code party} message for a screen of room {@code code} whose controller page is at {@code link}. */
    public static ServerMessage.Party message(String code, String link) {
        String url = joinUrl(link, code);
        return new ServerMessage.Party(code, url, url == null ? null : qr(url));
    }

    /**
     * The QR code of {@code text} (error correction M, UTF-8), as rows of modules top to bottom, each a string of
     * '1' (dark) and '0' (light), without the quiet zone.
     */
    public static List<String> qr(String text) {
        ByteMatrix matrix;
        try {
            matrix = Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"))
                    .getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("no QR code for a text of " + text.length() + " characters", e);
        }
        List<String> rows = new ArrayList<>(matrix.getHeight());
        for (int y = 0; y < matrix.getHeight(); y++) {
            StringBuilder row = new StringBuilder(matrix.getWidth());
            for (int x = 0; x < matrix.getWidth(); x++) {
                row.append(matrix.get(x, y) == 1 ? '1' : '0');
            }
            rows.add(row.toString());
        }
        return rows;
    }

    private static long pow(int base, int exponent) {
        long n = 1;
        for (int i = 0; i < exponent; i++) {
            n *= base;
        }
        return n;
    }
}
