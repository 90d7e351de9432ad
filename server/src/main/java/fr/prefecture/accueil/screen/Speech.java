package fr.prefecture.accueil.screen;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Speech for the calls: Debian's {@code espeak-ng}, offline, run as a separate process (it is GPL) on a worker
 * thread, never on the event loop; one WAV per voice and text, cached in a folder. Without the engine the screens
 * show calls without sound ({@link #available()} is false, and the screens' admin page says so).
 */
record Speech(Vertx vertx, Path cache, String engine, boolean available) {
  static final String ENGINE = "espeak-ng";
  /** Words a minute: calmer than the engine's 175, for a hall and for listeners in their second language. */
  static final int RATE = 130;

  /** Finds the engine (off the event loop) and makes the cache folder. */
  static Future<Speech> create(Vertx vertx) {
    return vertx.executeBlocking(() -> new Speech(vertx, Files.createTempDirectory("accueil-speech"), ENGINE,
        probe(ENGINE)));
  }

  static boolean probe(String engine) {
    try {
      Process p = new ProcessBuilder(engine, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The command line for a text: a voice, the rate, the WAV file; the text after "--" is never an option. */
  List<String> command(String voice, Path wav, String text) {
    return List.of(engine, "-v", voice, "-s", Integer.toString(RATE), "-w", wav.toString(), "--", text);
  }

  /** The WAV of {@code text} spoken with {@code voice} ({@code fr} or {@code en}). */
  Future<Buffer> wav(String voice, String text) {
    if (!available) {
      return Future.failedFuture(new IllegalStateException(ENGINE + " is not installed"));
    }
    return vertx.executeBlocking(() -> {
      Path file = cache.resolve(key(voice, text) + ".wav");
      if (!Files.exists(file)) {
        Path part = Files.createTempFile(cache, "speaking-", ".wav");
        Process p = new ProcessBuilder(command(voice, part, text)).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
          p.destroyForcibly();
          Files.deleteIfExists(part);
          throw new IOException(ENGINE + " failed for voice " + voice);
        }
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      return Buffer.buffer(Files.readAllBytes(file));
    }, false);
  }

  static String key(String voice, String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((voice + "\n" + text).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
