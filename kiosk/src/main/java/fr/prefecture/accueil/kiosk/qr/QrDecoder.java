package fr.prefecture.accueil.kiosk.qr;

import boofcv.abst.fiducial.QrCodeDetector;
import boofcv.alg.fiducial.qrcode.QrCode;
import boofcv.factory.fiducial.FactoryFiducial;
import boofcv.struct.image.GrayU8;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Finds and reads the QR code in a photo or screenshot (the kiosk camera's frame, an uploaded image).
 *
 * <p>ZXing first (fast, reads inverted dark-mode codes), then BoofCV, whose detector finds small,
 * distant, blurred and warped codes that ZXing misses. Only when both find nothing, a second pass for
 * small, far, dim or blurred codes: BoofCV on the sharpened frame, ZXing trying harder, then BoofCV on the
 * frame enlarged 1.5 times. The figures that justify each step, its gain and its cost, are in the kiosk's
 * benchmark ({@code QrDecodeBenchmark}). Thread-safe: each call uses its own readers.
 */
public final class QrDecoder {

  /** Images above this many pixels are refused before decoding: a small PNG can declare a huge canvas. */
  static final long MAX_PIXELS = 16_000_000L;
  /** No camera frame or phone photo is this large; more is someone testing the endpoint. */
  static final int MAX_BYTES = 32 * 1024 * 1024;

  private static final Map<DecodeHintType, Object> HINTS = Map.of(
      DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
      DecodeHintType.ALSO_INVERTED, Boolean.TRUE);
  /** Every row scanned: reads a few more dim frames, so kept for the frames the first pass could not read. */
  private static final Map<DecodeHintType, Object> HARDER = Map.of(
      DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
      DecodeHintType.TRY_HARDER, Boolean.TRUE,
      DecodeHintType.ALSO_INVERTED, Boolean.TRUE);
  /** The unsharp mask's strength: 1 and 3 read the same frames as 2 (measured). */
  private static final double SHARPEN = 2;
  /** 1.5 reads the same frames as 2 at about half the pixels (measured). */
  private static final double ENLARGE = 1.5;

  /**
   * The text of the first QR code found in the image, or empty when the image holds no readable code.
   *
   * @throws UnreadableImageException when the bytes are not a readable image of at most 16 megapixels
   */
  public Optional<String> decode(byte[] imageBytes) {
    return decode(read(imageBytes));
  }

  Optional<String> decode(BufferedImage image) {
    LuminanceSource luminance = new BufferedImageLuminanceSource(image);
    return zxing(luminance).or(() -> boofcv(luminance)).or(() -> smallCodes(luminance));
  }

  /** The first pass alone (for the benchmark); before issue 17 its ZXing also tried harder, one frame in 288 more. */
  static Optional<String> firstPass(BufferedImage image) {
    LuminanceSource luminance = new BufferedImageLuminanceSource(image);
    return zxing(luminance).or(() -> boofcv(luminance));
  }

  /**
   * The second pass, for a frame where neither reader found a code: most such frames hold none, so each step is
   * one that pays on the generated frames (a code of 75–125 px, a dim hall, a moving hand). Sharpening reads codes
   * whose 2–3 px modules the lens has blurred together; enlarging lets BoofCV's contour finder see their finder
   * patterns. Only the normal polarity: dark-mode codes are large phone screens, read by the first pass.
   */
  static Optional<String> smallCodes(LuminanceSource luminance) {
    GrayU8 gray = gray(luminance);
    QrCodeDetector<GrayU8> detector = FactoryFiducial.qrcode(null, GrayU8.class);
    return boofcv(detector, Pixels.sharpened(gray, SHARPEN))
        .or(() -> zxing(luminance, HARDER))
        .or(() -> boofcv(detector, Pixels.upscaled(gray, ENLARGE)));
  }

  static Optional<String> zxing(LuminanceSource luminance) {
    return zxing(luminance, HINTS);
  }

  private static Optional<String> zxing(LuminanceSource luminance, Map<DecodeHintType, Object> hints) {
    MultiFormatReader reader = new MultiFormatReader();
    reader.setHints(hints);
    // The hybrid binarizer copes with uneven light; the global one with low-contrast, blurred codes.
    for (BinaryBitmap bitmap : List.of(new BinaryBitmap(new HybridBinarizer(luminance)),
        new BinaryBitmap(new GlobalHistogramBinarizer(luminance)))) {
      try {
        Result result = reader.decodeWithState(bitmap);
        return Optional.of(result.getText());
      } catch (NotFoundException notFound) {
        reader.reset();
      } catch (RuntimeException zxingBug) {
        // ZXing can throw on odd geometry (e.g. ArrayIndexOutOfBounds); treat as "not read here".
        reader.reset();
      }
    }
    return Optional.empty();
  }

  static Optional<String> boofcv(LuminanceSource luminance) {
    GrayU8 gray = gray(luminance);
    byte[] pixels = gray.data.clone();
    QrCodeDetector<GrayU8> detector = FactoryFiducial.qrcode(null, GrayU8.class);
    Optional<String> text = boofcv(detector, gray);
    if (text.isPresent()) {
      return text;
    }
    // BoofCV looks for dark finder patterns only: try again with the dark-mode (inverted) picture.
    for (int i = 0; i < pixels.length; i++) {
      gray.data[i] = (byte) ~pixels[i];
    }
    return boofcv(detector, gray);
  }

  private static GrayU8 gray(LuminanceSource luminance) {
    GrayU8 gray = new GrayU8(luminance.getWidth(), luminance.getHeight());
    byte[] pixels = luminance.getMatrix();
    System.arraycopy(pixels, 0, gray.data, 0, pixels.length);
    return gray;
  }

  private static Optional<String> boofcv(QrCodeDetector<GrayU8> detector, GrayU8 gray) {
    try {
      detector.process(gray);
    } catch (RuntimeException boofcvBug) {
      return Optional.empty();
    }
    for (QrCode code : detector.getDetections()) {
      if (code.message != null && !code.message.isEmpty()) {
        return Optional.of(code.message);
      }
    }
    return Optional.empty();
  }

  static BufferedImage read(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new UnreadableImageException("no image");
    }
    if (bytes.length > MAX_BYTES) {
      throw new UnreadableImageException("image larger than " + MAX_BYTES + " bytes");
    }
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new UnreadableImageException("not an image format this kiosk reads");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        if (width <= 0 || height <= 0 || width * height > MAX_PIXELS) {
          throw new UnreadableImageException("image of " + width + " × " + height + " pixels refused");
        }
        // The JPEG reader only warns about a truncated file and returns a half-grey picture.
        reader.addIIOReadWarningListener((source, warning) -> {
          throw new UnreadableImageException("damaged image: " + warning);
        });
        BufferedImage image = reader.read(0);
        if (image == null) {
          throw new UnreadableImageException("empty image");
        }
        return image;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof UnreadableImageException unreadable) {
        throw unreadable;
      }
      throw new UnreadableImageException("unreadable image: " + e.getMessage(), e);
    }
  }
}
