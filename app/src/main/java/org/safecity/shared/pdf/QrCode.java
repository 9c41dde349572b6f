package org.safecity.shared.pdf;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.util.Map;

/** A QR code as a black-on-white picture to print (medium error correction, a two-module quiet zone). */
public final class QrCode {

    private QrCode() {
    }

    public static BufferedImage of(String text, int size) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalStateException("the text does not fit a QR code", e);
        }
        var image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int yy = 0; yy < matrix.getHeight(); yy++) {
            for (int xx = 0; xx < matrix.getWidth(); xx++) {
                image.setRGB(xx, yy, matrix.get(xx, yy) ? 0x000000 : 0xFFFFFF);
            }
        }
        return image;
    }
}
