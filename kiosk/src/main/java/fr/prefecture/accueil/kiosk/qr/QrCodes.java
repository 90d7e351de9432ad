package fr.prefecture.accueil.kiosk.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Draws convocation QR codes as PNG images. */
public final class QrCodes {

  /** Largest image drawn, to bound the memory a request can ask for. */
  static final int MAX_PIXELS = 4096;
  /** Modules of white around the code, as the QR standard asks: scanners find the code by its edges. */
  static final int QUIET_ZONE = 4;

  private QrCodes() {}

  /**
   * A square PNG of {@code pixels} × {@code pixels} (larger if the code cannot fit) with the code centred.
   * Error correction level Q (25 % of the code may be lost: a fold in a printed letter, a glare on a
   * phone screen). Text in the QR alphanumeric alphabet, such as a Base45 convocation code, is encoded in
   * alphanumeric mode, which keeps the code small.
   */
  public static byte[] png(String text, int pixels) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("nothing to encode");
    }
    if (pixels < 1 || pixels > MAX_PIXELS) {
      throw new IllegalArgumentException("pixels must be between 1 and " + MAX_PIXELS + ": " + pixels);
    }
    BitMatrix matrix;
    try {
      matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, pixels, pixels, Map.of(
          EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.Q,
          EncodeHintType.MARGIN, QUIET_ZONE));
    } catch (WriterException tooLong) {
      throw new IllegalArgumentException("text does not fit in a QR code: " + text.length() + " characters", tooLong);
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      MatrixToImageWriter.writeToStream(matrix, "PNG", png);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write PNG in memory", e);
    }
    return png.toByteArray();
  }
}
