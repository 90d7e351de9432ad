package fr.prefecture.accueil.kiosk.qr;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import fr.prefecture.accueil.kiosk.convocation.Convocation;
import fr.prefecture.accueil.kiosk.convocation.ConvocationCodec;
import fr.prefecture.accueil.kiosk.convocation.ConvocationKind;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A seeded, reproducible set of 1280×720 camera frames showing real convocation QR codes the way a gate
 * camera sees them: printed letters photographed under uneven light, phone screens (pixel-grid moiré,
 * glare, dark mode), any rotation, strong perspective, small distant codes and motion blur.
 *
 * <p>Everything is drawn with Java2D and a hand-written perspective warp; the frame is saved as JPEG,
 * as a camera or an upload would be.
 */
final class ConvocationImages {

  static final int WIDTH = 1280;
  static final int HEIGHT = 720;

  enum Scene {
    PRINTED,
    PHONE,
    PHONE_DARK,
    TILTED,
    DISTANT,
    MOTION_BLUR,
    /** Smaller still than DISTANT: a code 75–125 px wide, about 2–3 px a module, held at arm's length or further. */
    FAR,
    /** A dim hall or a backlit visitor: a third to a half of the usual light, twice the sensor noise. */
    DIM
  }

  /** The six scenes of the first benchmark (72 frames at seed {@code QrDecodeBenchmark.SEED}): kept as they were. */
  static final List<Scene> FIRST_SCENES = List.of(Scene.PRINTED, Scene.PHONE, Scene.PHONE_DARK, Scene.TILTED,
      Scene.DISTANT, Scene.MOTION_BLUR);

  record Sample(String name, Scene scene, String text, byte[] jpeg) {}

  private static final String[] SERVICES = {"etrangers", "titres", "pan", "pan-emeraude", "naturalisation"};

  private final Random random;
  private final ConvocationCodec codec;

  ConvocationImages(long seed, ConvocationCodec codec) {
    this.random = new SeededRandom(seed);
    this.codec = codec;
  }

  /**
   * {@code perScene} frames of each scene, in a fixed order. The random choices are drawn here one frame after the
   * other, as always (the frames depend on the seed alone); the costly rendering of each frame runs meanwhile on
   * every core.
   */
  List<Sample> generate(int perScene) {
    return generate(perScene, FIRST_SCENES);
  }

  /** {@code perScene} frames of each of these scenes, in a fixed order. */
  List<Sample> generate(int perScene, List<Scene> scenes) {
    int threads = Runtime.getRuntime().availableProcessors();
    ExecutorService renderers = Executors.newFixedThreadPool(threads, r -> {
      Thread thread = new Thread(r, "frame-renderer");
      thread.setDaemon(true);
      return thread;
    });
    // A frame waiting for its rendering holds some 15 MB (texture, background, noise): a few at a time.
    Semaphore waiting = new Semaphore(2 * threads);
    try {
      List<Future<Sample>> samples = new ArrayList<>();
      for (int i = 0; i < perScene; i++) {
        for (Scene scene : scenes) {
          String name = scene.name().toLowerCase() + "-" + i;
          String text = convocationCode();
          Supplier<BufferedImage> frame = plan(scene, text);
          float quality = 0.55f + random.nextFloat() * 0.3f;
          waiting.acquireUninterruptibly();
          samples.add(renderers.submit(() -> {
            try {
              return new Sample(name, scene, text, jpeg(frame.get(), quality));
            } finally {
              waiting.release();
            }
          }));
        }
      }
      List<Sample> rendered = new ArrayList<>();
      for (Future<Sample> sample : samples) {
        rendered.add(sample.get());
      }
      return rendered;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      renderers.shutdownNow();
    }
  }

  private String convocationCode() {
    long id = 1 + random.nextInt(2_000_000);
    String service = SERVICES[random.nextInt(SERVICES.length)];
    Instant start = Instant.parse("2026-01-05T07:30:00Z").plusSeconds(60L * 15 * random.nextInt(30_000));
    String initials = "" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26))
        + (random.nextBoolean() ? "" + (char) ('A' + random.nextInt(26)) : "");
    return codec.issue(new Convocation(id, ConvocationKind.APPOINTMENT, service, start, initials)).code();
  }

  /** A letter or phone photographed like the others, but with no QR code on it: what the camera sees most. */
  byte[] frameWithoutCode() {
    return jpeg(frame(random.nextBoolean() ? Scene.PRINTED : Scene.PHONE, null), 0.75f);
  }

  // ---------------------------------------------------------------- scenes

  BufferedImage frame(Scene scene, String text) {
    return plan(scene, text).get();
  }

  /**
   * Draws every random choice of a frame, in a fixed order (texture, placement, background, then each camera effect,
   * the noise of every pixel included), and returns its rendering, which draws nothing more.
   */
  private Supplier<BufferedImage> plan(Scene scene, String text) {
    boolean[][] modules = text == null ? new boolean[57][57] : modules(text);
    boolean phone = scene == Scene.PHONE || scene == Scene.PHONE_DARK
        || (scene == Scene.DISTANT || scene == Scene.MOTION_BLUR || scene == Scene.FAR || scene == Scene.DIM)
            && random.nextBoolean();
    boolean dark = scene == Scene.PHONE_DARK;
    Texture texture = phone ? phone(modules, dark) : letter(modules);

    double qrWidth = switch (scene) {
      case DISTANT -> 120 + random.nextDouble() * 50;
      case FAR -> 75 + random.nextDouble() * 50;
      case TILTED -> 260 + random.nextDouble() * 160;
      default -> 220 + random.nextDouble() * 260;
    };
    double angle = scene == Scene.TILTED || random.nextInt(4) == 0
        ? random.nextDouble() * 2 * Math.PI
        : Math.toRadians(random.nextGaussian() * 12);
    double tilt = scene == Scene.TILTED ? 0.18 + random.nextDouble() * 0.12 : random.nextDouble() * 0.08;
    double scale = qrWidth / texture.qrSize;
    double[][] quad = placement(texture, scale, angle, tilt);

    int[] background = background();
    // A lit screen sampled point-wise aliases its pixel grid into moiré; paper is integrated over each pixel.
    double[] offsets = phone ? new double[]{0.5} : new double[]{0.25, 0.75};
    List<Consumer<int[]>> effects = new ArrayList<>();
    effects.add(light(phone));
    if (scene == Scene.DIM) {
      double dim = 0.33 + random.nextDouble() * 0.17;
      effects.add(frame -> dim(frame, dim));
    }
    if (phone) {
      double[] qr = center(texture, quad);
      effects.add(glare(qr[0], qr[1], qrWidth));
    }
    if (scene == Scene.MOTION_BLUR) {
      double length = 5 + random.nextDouble() * 9;
      double direction = random.nextDouble() * Math.PI;
      effects.add(frame -> motionBlur(frame, length, direction));
    }
    double sigma = 0.5 + random.nextDouble() * (scene == Scene.DISTANT ? 0.4 : scene == Scene.FAR ? 0.6 : 0.9);
    effects.add(frame -> gaussianBlur(frame, sigma));
    effects.add(noise((3 + random.nextDouble() * 6) * (scene == Scene.DIM ? 2 : 1)));
    return () -> {
      int[] frame = warp(texture, quad, background, offsets);
      effects.forEach(effect -> effect.accept(frame));
      BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
      image.setRGB(0, 0, WIDTH, HEIGHT, frame, 0, WIDTH);
      return image;
    };
  }

  /** A picture to warp into the frame, and where in it the QR code (without quiet zone) sits. */
  private record Texture(int[] rgb, int width, int height, double qrX, double qrY, double qrSize) {}

  private Texture letter(boolean[][] modules) {
    int module = 6;
    int width = 900;
    int height = 1150;
    BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = page.createGraphics();
    int tint = 225 + random.nextInt(25);
    g.setColor(new Color(tint, tint - random.nextInt(8), tint - 8 - random.nextInt(18)));
    g.fillRect(0, 0, width, height);
    Color ink = new Color(20 + random.nextInt(40), 20 + random.nextInt(40), 30 + random.nextInt(40));
    text(g, ink, 60, 60, 700, 34, 1);
    text(g, ink, 60, 130, 780, 18, 6);
    int size = modules.length * module;
    int qrX = (width - size) / 2;
    int qrY = 390;
    drawModules(g, modules, qrX, qrY, module, ink);
    // The manual code printed under the QR, below its quiet zone of 4 modules.
    text(g, ink, qrX, qrY + size + 4 * module + 40, 300, 24, 1);
    text(g, ink, 60, qrY + size + 130, 780, 18, 4);
    // A fold across the letter, through the code half the time: a crease shadow next to a highlight.
    int foldY = random.nextBoolean() ? qrY + random.nextInt(size) : 300 + random.nextInt(700);
    g.setColor(new Color(0, 0, 0, 40));
    g.setStroke(new BasicStroke(5));
    g.drawLine(0, foldY, width, foldY + random.nextInt(30) - 15);
    g.setColor(new Color(255, 255, 255, 60));
    g.drawLine(0, foldY + 5, width, foldY + 5 + random.nextInt(10) - 5);
    g.dispose();
    return new Texture(page.getRGB(0, 0, width, height, null, 0, width), width, height, qrX, qrY, size);
  }

  private Texture phone(boolean[][] modules, boolean dark) {
    int module = 10;
    int width = 640;
    int height = 1280;
    BufferedImage phone = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = phone.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new Color(25, 25, 28));
    g.fillRect(0, 0, width, height);
    int border = 24;
    Color screen = dark ? new Color(18, 18, 20) : new Color(250, 250, 252);
    Color ink = dark ? new Color(235, 235, 235) : new Color(10, 10, 10);
    g.setColor(screen);
    g.fillRoundRect(border, border * 3, width - 2 * border, height - 6 * border, 40, 40);
    Color label = dark ? new Color(150, 150, 160) : new Color(90, 90, 100);
    text(g, label, 60, 140, 300, 30, 1);
    text(g, label, 60, 195, 480, 22, 1);
    int size = modules.length * module;
    int qrX = (width - size) / 2;
    int qrY = 300;
    if (!dark) {
      g.setColor(Color.WHITE);
      g.fillRect(qrX - 4 * module, qrY - 4 * module, size + 8 * module, size + 8 * module);
    }
    drawModules(g, modules, qrX, qrY, module, ink);
    g.dispose();
    int[] rgb = phone.getRGB(0, 0, width, height, null, 0, width);
    // The screen's pixel grid: dark gaps between sub-pixel stripes, which beat with the camera's sensor.
    int pitch = 3;
    for (int y = border * 3; y < height - border * 3; y++) {
      for (int x = border; x < width - border; x++) {
        int i = y * width + x;
        int c = rgb[i];
        int r = c >> 16 & 0xFF;
        int gr = c >> 8 & 0xFF;
        int b = c & 0xFF;
        int phase = x % pitch;
        double row = y % pitch == 2 ? 0.72 : 1.0;
        r = (int) (r * row * (phase == 0 ? 1.0 : 0.78));
        gr = (int) (gr * row * (phase == 1 ? 1.0 : 0.78));
        b = (int) (b * row * (phase == 2 ? 1.0 : 0.78));
        rgb[i] = r << 16 | gr << 8 | b;
      }
    }
    return new Texture(rgb, width, height, qrX, qrY, size);
  }

  private static void drawModules(Graphics2D g, boolean[][] modules, int x0, int y0, int module, Color ink) {
    g.setColor(ink);
    for (int y = 0; y < modules.length; y++) {
      for (int x = 0; x < modules.length; x++) {
        if (modules[y][x]) {
          g.fillRect(x0 + x * module, y0 + y * module, module, module);
        }
      }
    }
  }

  /** Lines of "words" drawn as bars: like text to a camera, and identical on every machine (no fonts). */
  private void text(Graphics2D g, Color ink, int x0, int y0, int width, int lineHeight, int lines) {
    g.setColor(ink);
    for (int line = 0; line < lines; line++) {
      int x = x0;
      int end = x0 + width - random.nextInt(width / 4);
      while (x < end) {
        int word = lineHeight / 2 * (2 + random.nextInt(7));
        g.fillRect(x, y0 + line * lineHeight * 2 - lineHeight, Math.min(word, end - x), lineHeight * 2 / 3);
        x += word + lineHeight / 2;
      }
    }
  }

  static boolean[][] modules(String text) {
    try {
      ByteMatrix matrix = Encoder.encode(text, ErrorCorrectionLevel.Q).getMatrix();
      boolean[][] modules = new boolean[matrix.getHeight()][matrix.getWidth()];
      for (int y = 0; y < matrix.getHeight(); y++) {
        for (int x = 0; x < matrix.getWidth(); x++) {
          modules[y][x] = matrix.get(x, y) == 1;
        }
      }
      return modules;
    } catch (WriterException e) {
      throw new IllegalArgumentException(e);
    }
  }

  // ---------------------------------------------------------------- geometry

  /** Corners (in frame pixels) where the texture's corners land: scaled, rotated, tilted, code kept in frame. */
  private double[][] placement(Texture t, double scale, double angle, double tilt) {
    double qrCenterX = t.qrX + t.qrSize / 2;
    double qrCenterY = t.qrY + t.qrSize / 2;
    double reach = t.qrSize * scale * 0.75 + 10;
    double cx = reach + random.nextDouble() * Math.max(1, WIDTH - 2 * reach);
    double cy = reach + random.nextDouble() * Math.max(1, HEIGHT - 2 * reach);
    double[][] corners = {{0, 0}, {t.width, 0}, {t.width, t.height}, {0, t.height}};
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    // A perspective tilt about a random axis: corners on one side shrink towards the centre.
    double tiltAngle = random.nextDouble() * 2 * Math.PI;
    double[][] quad = new double[4][];
    for (int i = 0; i < 4; i++) {
      double dx = (corners[i][0] - qrCenterX) * scale;
      double dy = (corners[i][1] - qrCenterY) * scale;
      double side = (dx * Math.cos(tiltAngle) + dy * Math.sin(tiltAngle)) / (t.qrSize * scale);
      double shrink = 1 - tilt * side / (1 + tilt * Math.abs(side));
      dx *= shrink;
      dy *= shrink;
      quad[i] = new double[]{cx + dx * cos - dy * sin, cy + dx * sin + dy * cos};
    }
    return quad;
  }

  /** Where the centre of the texture's QR code lands in the frame. */
  private static double[] center(Texture t, double[][] quad) {
    double[][] src = {{0, 0}, {t.width, 0}, {t.width, t.height}, {0, t.height}};
    double[] h = homography(src, quad);
    double x = t.qrX + t.qrSize / 2;
    double y = t.qrY + t.qrSize / 2;
    double w = h[6] * x + h[7] * y + 1;
    return new double[]{(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w};
  }

  private static int[] warp(Texture t, double[][] quad, int[] background, double[] offsets) {
    double[][] src = {{0, 0}, {t.width, 0}, {t.width, t.height}, {0, t.height}};
    double[] h = homography(quad, src);
    int[] out = background.clone();
    int samples = offsets.length * offsets.length;
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        int r = 0;
        int g = 0;
        int b = 0;
        int hits = 0;
        for (double oy : offsets) {
          for (double ox : offsets) {
            double px = x + ox;
            double py = y + oy;
            double w = h[6] * px + h[7] * py + 1;
            double u = (h[0] * px + h[1] * py + h[2]) / w;
            double v = (h[3] * px + h[4] * py + h[5]) / w;
            int c;
            if (u >= 0 && v >= 0 && u < t.width - 1 && v < t.height - 1) {
              c = bilinear(t, u, v);
              hits++;
            } else {
              c = background[y * WIDTH + x];
            }
            r += c >> 16 & 0xFF;
            g += c >> 8 & 0xFF;
            b += c & 0xFF;
          }
        }
        if (hits > 0) {
          out[y * WIDTH + x] = (r / samples) << 16 | (g / samples) << 8 | b / samples;
        }
      }
    }
    return out;
  }

  private static int bilinear(Texture t, double u, double v) {
    int x = (int) u;
    int y = (int) v;
    double fx = u - x;
    double fy = v - y;
    int i = y * t.width + x;
    int c00 = t.rgb[i];
    int c10 = t.rgb[i + 1];
    int c01 = t.rgb[i + t.width];
    int c11 = t.rgb[i + t.width + 1];
    int result = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
      double top = (c00 >> shift & 0xFF) * (1 - fx) + (c10 >> shift & 0xFF) * fx;
      double bottom = (c01 >> shift & 0xFF) * (1 - fx) + (c11 >> shift & 0xFF) * fx;
      result |= ((int) (top * (1 - fy) + bottom * fy)) << shift;
    }
    return result;
  }

  /** The projective map sending {@code from[i]} to {@code to[i]}, as h0..h7 with h8 = 1. */
  static double[] homography(double[][] from, double[][] to) {
    double[][] a = new double[8][9];
    for (int i = 0; i < 4; i++) {
      double x = from[i][0];
      double y = from[i][1];
      double u = to[i][0];
      double v = to[i][1];
      a[2 * i] = new double[]{x, y, 1, 0, 0, 0, -u * x, -u * y, u};
      a[2 * i + 1] = new double[]{0, 0, 0, x, y, 1, -v * x, -v * y, v};
    }
    for (int col = 0; col < 8; col++) {
      int pivot = col;
      for (int row = col + 1; row < 8; row++) {
        if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
          pivot = row;
        }
      }
      double[] swap = a[col];
      a[col] = a[pivot];
      a[pivot] = swap;
      for (int row = 0; row < 8; row++) {
        if (row != col) {
          double f = a[row][col] / a[col][col];
          for (int k = col; k < 9; k++) {
            a[row][k] -= f * a[col][k];
          }
        }
      }
    }
    double[] h = new double[8];
    for (int i = 0; i < 8; i++) {
      h[i] = a[i][8] / a[i][i];
    }
    return h;
  }

  // ---------------------------------------------------------------- camera

  private int[] background() {
    BufferedImage desk = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = desk.createGraphics();
    Color base = new Color(60 + random.nextInt(120), 50 + random.nextInt(100), 40 + random.nextInt(90));
    g.setPaint(new java.awt.GradientPaint(0, 0, base, WIDTH, HEIGHT, base.darker()));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    for (int i = 0; i < 8; i++) {
      g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 120));
      g.fillRect(random.nextInt(WIDTH), random.nextInt(HEIGHT), 40 + random.nextInt(300), 20 + random.nextInt(200));
    }
    g.dispose();
    return desk.getRGB(0, 0, WIDTH, HEIGHT, null, 0, WIDTH);
  }

  /** Uneven light: a gradient in a random direction and a vignette. */
  private Consumer<int[]> light(boolean screen) {
    double direction = random.nextDouble() * 2 * Math.PI;
    double strength = screen ? 0.15 : 0.25 + random.nextDouble() * 0.3;
    double gain = 0.85 + random.nextDouble() * 0.25;
    double cos = Math.cos(direction);
    double sin = Math.sin(direction);
    return frame -> {
      for (int y = 0; y < HEIGHT; y++) {
        for (int x = 0; x < WIDTH; x++) {
          double nx = (x - WIDTH / 2.0) / WIDTH;
          double ny = (y - HEIGHT / 2.0) / WIDTH;
          double along = nx * cos + ny * sin;
          double f = gain * (1 + strength * along * 2) * (1 - 0.5 * (nx * nx + ny * ny));
          frame[y * WIDTH + x] = scale(frame[y * WIDTH + x], f, 0);
        }
      }
    };
  }

  /** A reflection of a ceiling light on the glass, often across the code: a bright ellipse that washes out contrast. */
  private Consumer<int[]> glare(double qrX, double qrY, double qrWidth) {
    boolean onCode = random.nextInt(10) < 7;
    double cx = onCode ? qrX + (random.nextDouble() - 0.5) * qrWidth : random.nextDouble() * WIDTH;
    double cy = onCode ? qrY + (random.nextDouble() - 0.5) * qrWidth : random.nextDouble() * HEIGHT;
    double rx = 120 + random.nextDouble() * 250;
    double ry = 60 + random.nextDouble() * 150;
    double peak = 60 + random.nextDouble() * 80;
    return frame -> {
      for (int y = 0; y < HEIGHT; y++) {
        for (int x = 0; x < WIDTH; x++) {
          double dx = (x - cx) / rx;
          double dy = (y - cy) / ry;
          double d = dx * dx + dy * dy;
          if (d < 4) {
            frame[y * WIDTH + x] = scale(frame[y * WIDTH + x], 1, peak * Math.exp(-d));
          }
        }
      }
    };
  }

  private static void dim(int[] frame, double factor) {
    for (int i = 0; i < frame.length; i++) {
      frame[i] = scale(frame[i], factor, 0);
    }
  }

  private static int scale(int c, double f, double add) {
    int r = clamp((c >> 16 & 0xFF) * f + add);
    int g = clamp((c >> 8 & 0xFF) * f + add);
    int b = clamp((c & 0xFF) * f + add);
    return r << 16 | g << 8 | b;
  }

  private static int clamp(double v) {
    return v < 0 ? 0 : v > 255 ? 255 : (int) v;
  }

  private static void gaussianBlur(int[] frame, double sigma) {
    int radius = (int) Math.ceil(sigma * 2.5);
    double[] kernel = new double[2 * radius + 1];
    double sum = 0;
    for (int i = -radius; i <= radius; i++) {
      kernel[i + radius] = Math.exp(-i * i / (2 * sigma * sigma));
      sum += kernel[i + radius];
    }
    for (int i = 0; i < kernel.length; i++) {
      kernel[i] /= sum;
    }
    convolve(frame, kernel, 1, 0);
    convolve(frame, kernel, 0, 1);
  }

  private static void convolve(int[] frame, double[] kernel, int stepX, int stepY) {
    int radius = kernel.length / 2;
    int[] source = frame.clone();
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        double r = 0;
        double g = 0;
        double b = 0;
        for (int k = -radius; k <= radius; k++) {
          int sx = Math.min(WIDTH - 1, Math.max(0, x + k * stepX));
          int sy = Math.min(HEIGHT - 1, Math.max(0, y + k * stepY));
          int c = source[sy * WIDTH + sx];
          double w = kernel[k + radius];
          r += (c >> 16 & 0xFF) * w;
          g += (c >> 8 & 0xFF) * w;
          b += (c & 0xFF) * w;
        }
        frame[y * WIDTH + x] = clamp(r) << 16 | clamp(g) << 8 | clamp(b);
      }
    }
  }

  /** The hand moved during the exposure: each pixel averages a short line in one direction. */
  private static void motionBlur(int[] frame, double length, double angle) {
    int[] source = frame.clone();
    int steps = (int) Math.ceil(length);
    double dx = Math.cos(angle) * length / steps;
    double dy = Math.sin(angle) * length / steps;
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        int r = 0;
        int g = 0;
        int b = 0;
        for (int s = 0; s <= steps; s++) {
          int sx = (int) Math.round(x + (s - steps / 2.0) * dx);
          int sy = (int) Math.round(y + (s - steps / 2.0) * dy);
          sx = Math.min(WIDTH - 1, Math.max(0, sx));
          sy = Math.min(HEIGHT - 1, Math.max(0, sy));
          int c = source[sy * WIDTH + sx];
          r += c >> 16 & 0xFF;
          g += c >> 8 & 0xFF;
          b += c & 0xFF;
        }
        int n = steps + 1;
        frame[y * WIDTH + x] = (r / n) << 16 | (g / n) << 8 | b / n;
      }
    }
  }

  /** Sensor noise: drawn now for every pixel, added when the frame is rendered. */
  private Consumer<int[]> noise(double sigma) {
    double[] noise = new double[WIDTH * HEIGHT];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = random.nextGaussian() * sigma;
    }
    return frame -> {
      for (int i = 0; i < frame.length; i++) {
        frame[i] = scale(frame[i], 1, noise[i]);
      }
    };
  }

  static byte[] jpeg(BufferedImage image, float quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
