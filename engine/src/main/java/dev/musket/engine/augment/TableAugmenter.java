package dev.musket.engine.augment;

import java.util.SplittableRandom;

/**
 * An augmenter whose whole effect on an image is a lookup table per channel, drawn once per image
 * (Add, Multiply, LinearContrast, GammaContrast, Invert).
 *
 * <p>Why a type of its own: consecutive ones in a Sequential are fused into one augmenter that
 * draws each part's tables in order (the same random draws as applying them one after the other)
 * and composes them, so the image is passed over once instead of once per augmenter ({@link
 * PixelTables#fuseRuns}).
 */
@FunctionalInterface
interface TableAugmenter extends Augmenter {

  /**
   * This image's tables: {@code channels} arrays of 256 output values, indexed by input value, new
   * on each call (the caller may write into them).
   */
  byte[][] tables(int channels, SplittableRandom random);

  @Override
  default HwcImage apply(HwcImage image, SplittableRandom random) {
    return PixelTables.apply(image, tables(image.channels(), random));
  }
}
