package dev.musket.engine.augment;

import java.util.SplittableRandom;

/**
 * Pixel arithmetic as imgaug does it on uint8 images: Add, AddElementwise, Multiply,
 * MultiplyElementwise, AdditiveGaussianNoise, Invert. Results are rounded half-to-even and
 * saturated to 0..255.
 */
final class ArithmeticAugmenters {
  private ArithmeticAugmenters() {}

  static Augmenter add(AugmenterArgs a) {
    Param value = a.discrete("value", -255, 255);
    PerChannel perChannel = a.perChannel("per_channel");
    return (TableAugmenter)
        (channels, random) -> {
          double[] v = perImageValues(value, perChannel, channels, random);
          return PixelTables.of(channels, (x, c) -> x + v[c], false);
        };
  }

  static Augmenter multiply(AugmenterArgs a) {
    Param mul = a.range("mul", 0, 1e4);
    PerChannel perChannel = a.perChannel("per_channel");
    return (TableAugmenter)
        (channels, random) -> {
          double[] v = perImageValues(mul, perChannel, channels, random);
          return PixelTables.of(channels, (x, c) -> x * v[c], false);
        };
  }

  static Augmenter addElementwise(AugmenterArgs a) {
    Param value = a.discrete("value", -255, 255);
    PerChannel perChannel = a.perChannel("per_channel");
    return (image, random) ->
        elementwise(image, perChannel.draw(random), random, value::sample, (x, v) -> x + v);
  }

  static Augmenter multiplyElementwise(AugmenterArgs a) {
    Param mul = a.range("mul", 0, 1e4);
    PerChannel perChannel = a.perChannel("per_channel");
    return (image, random) ->
        elementwise(image, perChannel.draw(random), random, mul::sample, (x, v) -> x * v);
  }

  /** Adds N(loc, scale) noise per pixel; loc and scale are drawn once per image. */
  static Augmenter additiveGaussianNoise(AugmenterArgs a) {
    Param loc = a.range("loc", -255, 255);
    Param scale = a.range("scale", 0, 1e4);
    PerChannel perChannel = a.perChannel("per_channel");
    return (image, random) -> {
      double l = loc.sample(random);
      double s = scale.sample(random);
      if (s == 0 && l == 0) {
        return image;
      }
      return elementwise(
          image, perChannel.draw(random), random, r -> l + s * r.nextGaussian(), (x, v) -> x + v);
    };
  }

  static Augmenter invert(AugmenterArgs a) {
    double p = a.probability("p");
    PerChannel perChannel = a.perChannel("per_channel");
    return (TableAugmenter)
        (channels, random) -> {
          boolean[] flip = new boolean[channels];
          if (perChannel.draw(random)) {
            for (int c = 0; c < flip.length; c++) {
              flip[c] = random.nextDouble() < p;
            }
          } else {
            java.util.Arrays.fill(flip, random.nextDouble() < p);
          }
          return PixelTables.of(channels, (x, c) -> flip[c] ? 255 - x : x, false);
        };
  }

  /** One value per channel, or one for all channels. */
  static double[] perImageValues(
      Param param, PerChannel perChannel, int channels, SplittableRandom random) {
    double[] v = new double[channels];
    if (perChannel.draw(random)) {
      for (int c = 0; c < channels; c++) {
        v[c] = param.sample(random);
      }
    } else {
      java.util.Arrays.fill(v, param.sample(random));
    }
    return v;
  }

  /**
   * Draws one sample per element and combines it with the pixel value; without per-channel values
   * one draw per pixel is shared by its channels (imgaug's elementwise semantics).
   */
  static HwcImage elementwise(
      HwcImage in, boolean perChannel, SplittableRandom random, Sampler sampler, Combiner f) {
    int c = in.channels();
    byte[] src = in.data();
    byte[] dst = new byte[src.length];
    if (perChannel || c == 1) {
      for (int i = 0; i < src.length; i++) {
        dst[i] = (byte) HwcImage.clampRound(f.combine(src[i] & 0xFF, sampler.draw(random)));
      }
    } else {
      for (int p = 0; p < src.length; p += c) {
        double sample = sampler.draw(random);
        for (int k = 0; k < c; k++) {
          dst[p + k] = (byte) HwcImage.clampRound(f.combine(src[p + k] & 0xFF, sample));
        }
      }
    }
    return new HwcImage(in.height(), in.width(), c, dst);
  }

  /** Draws one per-element value. */
  interface Sampler {
    double draw(SplittableRandom random);
  }

  /** Combines a pixel value with its sample. */
  interface Combiner {
    double combine(int value, double sample);
  }
}
