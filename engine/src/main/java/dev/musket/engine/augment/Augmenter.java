package dev.musket.engine.augment;

import java.util.SplittableRandom;

/**
 * One node of an imgaug-style augmenter tree: takes an image and a random stream, returns a new
 * image (the input is never modified).
 *
 * <p>Randomness comes only from the stream passed in, never from a field, so one built tree can be
 * shared by all loader threads, and the same (seed, epoch, item) always gives bit-identical output.
 */
@FunctionalInterface
public interface Augmenter {
  HwcImage apply(HwcImage image, SplittableRandom random);
}
