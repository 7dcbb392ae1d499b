package vn.cadretraining.testing;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.imageio.ImageIO;

/** The text of a QR image the application made, read back by a real decoder. */
public final class QrImages {

    private QrImages() {
    }

    /**
     * Reads a QR image as we generate it: pixel-perfect, upright, with its quiet zone. It is read as a pure
     * barcode (the modules taken from the grid) because ZXing's finder-pattern search, made for camera pictures,
     * misses about 0.5% of random check-in addresses on such perfect pixels (24 of 5,000, whatever the margin or
     * error correction level), which made a browser test fail now and then. Still a full decode: format, version,
     * error correction and the text.
     */
    public static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
