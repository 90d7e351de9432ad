package fr.prefecture.accueil.kiosk.qr;

import boofcv.struct.image.GrayU8;

/** The two image operations of the decoder's second pass, on grey frames (see {@link QrDecoder}). */
final class Pixels {

  private Pixels() {}

  /**
   * An unsharp mask over 3 × 3 pixels: the frame plus {@code amount} times its difference from the local mean. A far
   * code's modules are 2–3 pixels wide and the lens blurs them into one another; this brings their edges back.
   */
  static GrayU8 sharpened(GrayU8 gray, double amount) {
    int width = gray.width;
    int height = gray.height;
    byte[] in = gray.data;
    GrayU8 out = gray.clone();
    byte[] data = out.data;
    for (int y = 1; y < height - 1; y++) {
      for (int x = 1; x < width - 1; x++) {
        int i = y * width + x;
        int sum = 0;
        for (int row = i - width; row <= i + width; row += width) {
          sum += (in[row - 1] & 0xFF) + (in[row] & 0xFF) + (in[row + 1] & 0xFF);
        }
        int value = in[i] & 0xFF;
        data[i] = clamp(value + amount * (value - sum / 9.0));
      }
    }
    return out;
  }

  /** The whole frame enlarged by {@code factor}, bilinear. */
  static GrayU8 upscaled(GrayU8 gray, double factor) {
    int width = gray.width;
    int height = gray.height;
    GrayU8 out = new GrayU8((int) (width * factor), (int) (height * factor));
    int[] left = new int[out.width];
    double[] weight = new double[out.width];
    for (int x = 0; x < out.width; x++) {
      double source = Math.max(0, (x + 0.5) / factor - 0.5);
      left[x] = Math.min(width - 2, (int) source);
      weight[x] = Math.min(1, source - left[x]);
    }
    byte[] in = gray.data;
    byte[] data = out.data;
    for (int y = 0; y < out.height; y++) {
      double source = Math.max(0, (y + 0.5) / factor - 0.5);
      int top = Math.min(height - 2, (int) source);
      double fy = Math.min(1, source - top);
      int row = top * width;
      for (int x = 0; x < out.width; x++) {
        int i = row + left[x];
        double fx = weight[x];
        double upper = (in[i] & 0xFF) * (1 - fx) + (in[i + 1] & 0xFF) * fx;
        double lower = (in[i + width] & 0xFF) * (1 - fx) + (in[i + width + 1] & 0xFF) * fx;
        data[y * out.width + x] = clamp(upper + (lower - upper) * fy + 0.5);
      }
    }
    return out;
  }

  private static byte clamp(double value) {
    return (byte) (value < 0 ? 0 : value > 255 ? 255 : (int) value);
  }
}
