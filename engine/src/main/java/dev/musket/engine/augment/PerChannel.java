package dev.musket.engine.augment;

import java.util.SplittableRandom;

/**
 * imgaug's {@code per_channel}: {@code true}, {@code false}, or a probability that an image gets
 * independent values per channel.
 */
public record PerChannel(double probability) {
  public static final PerChannel NEVER = new PerChannel(0);

  /** Decides for one image whether each channel draws its own value. */
  public boolean draw(SplittableRandom random) {
    if (probability <= 0) {
      return false;
    }
    return probability >= 1 || random.nextDouble() < probability;
  }
}
