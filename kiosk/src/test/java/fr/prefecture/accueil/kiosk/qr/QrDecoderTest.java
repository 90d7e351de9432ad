package fr.prefecture.accueil.kiosk.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import fr.prefecture.accueil.kiosk.convocation.Convocation;
import fr.prefecture.accueil.kiosk.convocation.ConvocationCodec;
import fr.prefecture.accueil.kiosk.convocation.ConvocationKind;
import fr.prefecture.accueil.kiosk.convocation.KeyRing;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QrDecoderTest {

  private static String code;
  private final QrDecoder decoder = new QrDecoder();

  @BeforeAll
  static void issueACode(@TempDir Path keys) {
    ConvocationCodec codec = new ConvocationCodec(KeyRing.openOrCreate(keys, Clock.systemUTC()));
    code = codec.issue(new Convocation(4_242, ConvocationKind.APPOINTMENT, "pan-emeraude",
        Instant.parse("2026-05-12T08:30:00Z"), "MLD")).code();
  }

  @Test
  void reads_back_the_png_of_a_real_convocation_code() throws Exception {
    for (int pixels : new int[]{200, 300, 512, 1000}) {
      byte[] png = QrCodes.png(code, pixels);

      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      assertThat(image.getWidth()).isEqualTo(pixels);
      assertThat(image.getHeight()).isEqualTo(pixels);
      assertThat(decoder.decode(png)).contains(code);
    }
  }

  @Test
  void encodes_a_convocation_in_alphanumeric_mode_at_level_q_with_a_quiet_zone_of_4_modules() throws Exception {
    QRCode qr = Encoder.encode(code, ErrorCorrectionLevel.Q);
    assertThat(qr.getMode()).isEqualTo(Mode.ALPHANUMERIC);
    assertThat(qr.getVersion().getVersionNumber()).isLessThanOrEqualTo(8);

    int modules = qr.getVersion().getDimensionForVersion();
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(code, 570)));
    int moduleSize = 570 / (modules + 8);
    int margin = (570 - modules * moduleSize) / 2;
    assertThat(margin).isGreaterThanOrEqualTo(4 * moduleSize);
    for (int i = 0; i < margin; i++) {
      assertThat(image.getRGB(i, i) & 0xFFFFFF).as("quiet zone at %d", i).isEqualTo(0xFFFFFF);
    }
    assertThat(image.getRGB(margin, margin) & 0xFFFFFF).isZero();
  }

  @Test
  void reads_a_dark_mode_code_with_light_modules_on_black() throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(code, 400)));
    BufferedImage inverted = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        inverted.setRGB(x, y, ~image.getRGB(x, y) & 0xFFFFFF);
      }
    }

    assertThat(decoder.decode(png(inverted))).contains(code);
  }

  @Test
  void finds_nothing_in_a_photo_without_a_code() {
    ConvocationImages frames = new ConvocationImages(3, null);

    for (int i = 0; i < 3; i++) {
      assertThat(decoder.decode(frames.frameWithoutCode())).isEmpty();
    }
    assertThat(decoder.decode(png(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB)))).isEmpty();
  }

  @Test
  void refuses_bytes_that_are_not_an_image() {
    for (byte[] bytes : new byte[][]{null, new byte[0], "hello".getBytes(), code.getBytes(), new byte[4096]}) {
      assertThatThrownBy(() -> decoder.decode(bytes)).isInstanceOf(UnreadableImageException.class);
    }
  }

  @Test
  void refuses_truncated_and_corrupt_images() {
    byte[] png = QrCodes.png(code, 400);
    byte[] jpeg = ConvocationImages.jpeg(image(png), 0.8f);

    assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(png, png.length / 2)))
        .isInstanceOf(UnreadableImageException.class);
    assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(jpeg, jpeg.length / 2)))
        .isInstanceOf(UnreadableImageException.class);
    assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(png, 40))).isInstanceOf(UnreadableImageException.class);
    byte[] corrupt = png.clone();
    for (int i = 60; i < corrupt.length - 20; i += 7) {
      corrupt[i] ^= 0x5A;
    }
    assertThatThrownBy(() -> decoder.decode(corrupt)).isInstanceOf(UnreadableImageException.class);
  }

  @Test
  void refuses_an_image_above_16_megapixels_before_decoding_it() {
    // 5000 × 4000 black-and-white compresses to a few kilobytes but would take 80 MB decoded as RGB.
    byte[] bomb = png(new BufferedImage(5000, 4000, BufferedImage.TYPE_BYTE_BINARY));
    assertThat(bomb.length).isLessThan(100_000);

    assertThatThrownBy(() -> decoder.decode(bomb))
        .isInstanceOf(UnreadableImageException.class)
        .hasMessageContaining("5000");
  }

  @Test
  void refuses_to_draw_an_empty_text_or_an_absurd_size() {
    assertThatThrownBy(() -> QrCodes.png("", 300)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QrCodes.png(code, 100_000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QrCodes.png("A".repeat(5000), 300)).isInstanceOf(IllegalArgumentException.class);
  }

  private static BufferedImage image(byte[] bytes) {
    try {
      return ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] png(BufferedImage image) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
