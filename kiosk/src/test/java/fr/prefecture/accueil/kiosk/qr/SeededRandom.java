package fr.prefecture.accueil.kiosk.qr;

import java.util.Random;

/**
 * The very sequence of {@link Random} for a seed (its generator and the algorithms of its methods are specified by its
 * Javadoc), drawn without its atomic seed update and its lock: the frames draw millions of numbers (the noise of every
 * pixel), from one thread. {@link SeededRandomTest} checks that both give the same numbers.
 */
final class SeededRandom extends Random {
  private static final long MULTIPLIER = 0x5DEECE66DL;
  private static final long ADDEND = 0xBL;
  private static final long MASK = (1L << 48) - 1;

  private long seed;
  private double nextNextGaussian;
  private boolean haveNextNextGaussian;

  SeededRandom(long seed) {
    super(seed);
  }

  @Override
  public void setSeed(long seed) {
    // Called by Random's constructor too, before this class's fields are initialised (they have no initialiser).
    this.seed = (seed ^ MULTIPLIER) & MASK;
    haveNextNextGaussian = false;
  }

  @Override
  protected int next(int bits) {
    seed = (seed * MULTIPLIER + ADDEND) & MASK;
    return (int) (seed >>> (48 - bits));
  }

  /** Random's polar method, the same operations in the same order. */
  @Override
  public double nextGaussian() {
    if (haveNextNextGaussian) {
      haveNextNextGaussian = false;
      return nextNextGaussian;
    }
    double v1;
    double v2;
    double s;
    do {
      v1 = 2 * nextDouble() - 1;
      v2 = 2 * nextDouble() - 1;
      s = v1 * v1 + v2 * v2;
    } while (s >= 1 || s == 0);
    double multiplier = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    nextNextGaussian = v2 * multiplier;
    haveNextNextGaussian = true;
    return v1 * multiplier;
  }
}
