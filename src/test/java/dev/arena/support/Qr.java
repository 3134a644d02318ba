package dev.arena.support;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.imageio.ImageIO;

/** Reads QR codes with ZXing's decoder, as a phone's camera app would: from a picture, or from module rows. */
public final class Qr {
    private Qr() {}

    /** The text of the QR code in a PNG (e.g. a screenshot); fails when there is none or it does not read. */
    public static String decodePng(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            return decode(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text of the QR code in the pictures {@code picture} takes (e.g. an element's screenshot), each saved as
     * {@code saveAs}. Like a phone's camera, it looks again when a picture does not read (on a busy machine the first
     * one can predate the canvas paint): up to 10 pictures, 300 ms apart.
     */
    public static String scan(Supplier<byte[]> picture, Path saveAs) throws IOException, InterruptedException {
        Files.createDirectories(saveAs.getParent());
        AssertionError unreadable = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            byte[] png = picture.get();
            Files.write(saveAs, png);
            try {
                return decodePng(png);
            } catch (AssertionError e) {
                unreadable = e;
                Thread.sleep(300);
            }
        }
        throw unreadable;
    }

    public static String decode(BufferedImage image) {
        try {
            return decode(image, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        } catch (AssertionError missed) {
            // ZXing's detector misses some codes (about one join link in 2,000) that read as a pure barcode: a phone
            // held straight at the screen. An element's screenshot is the code and its quiet zone, but the page's
            // rounded corners leave grey pixels at the picture's corners that the pure reader would take for the
            // code's edge, so they are whitened first.
            try {
                return decodePure(withoutFrame(image, 3));
            } catch (AssertionError alsoMissed) {
                missed.addSuppressed(alsoMissed);
                throw missed;
            }
        }
    }

    /** Only ZXing's detector ({@code detectorOnly} true), as {@link #decode(BufferedImage)} tries first. */
    static String decode(BufferedImage image, boolean detectorOnly) {
        return detectorOnly ? decode(image, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)) : decode(image);
    }

    /** A copy of {@code image} with a white frame {@code px} wide (the picture's outermost pixels). */
    private static BufferedImage withoutFrame(BufferedImage image, int px) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage copy = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean frame = x < px || y < px || x >= w - px || y >= h - px;
                copy.setRGB(x, y, frame ? 0xffffff : image.getRGB(x, y));
            }
        }
        return copy;
    }

    /**
     * A picture that is exactly a code (no rotation, no perspective, a quiet zone around it): read it module by
     * module, without looking for its finder patterns. ZXing's detector misses about one in 2,000 of the join links
     * the server encodes when it has to search for them (NotFoundException or a ChecksumException from a bad
     * sampling grid); read as a pure barcode, 5,000 random links out of 5,000 decode to the link.
     */
    public static String decodePure(BufferedImage image) {
        return decode(image, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
    }

    private static String decode(BufferedImage image, Map<DecodeHintType, ?> hints) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels)));
        try {
            return new QRCodeReader().decode(bitmap, hints).getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("no readable QR code in a " + w + "x" + h + " picture: " + e, e);
        }
    }

    /** The text of a QR code given as rows of '1' (dark) and '0' (light), drawn 4 pixels a module with a quiet zone. */
    public static String decodeRows(List<String> rows) {
        int scale = 4;
        int quiet = 4;
        int n = rows.size();
        int size = (n + 2 * quiet) * scale;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int my = y / scale - quiet;
                int mx = x / scale - quiet;
                boolean dark = my >= 0 && my < n && mx >= 0 && mx < n && rows.get(my).charAt(mx) == '1';
                image.setRGB(x, y, dark ? 0x000000 : 0xffffff);
            }
        }
        return decodePure(image);
    }
}
