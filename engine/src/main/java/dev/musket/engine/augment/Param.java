package dev.musket.engine.augment;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A stochastic number, imgaug's {@code StochasticParameter} in the forms Musket configs write: a
 * constant, a uniform {@code [min, max]} range, or a list to choose from.
 *
 * <p>Integer parameters (kernel sizes, pixel counts) use {@link IntUniform}, inclusive on both ends
 * as imgaug's {@code DiscreteUniform}.
 */
public sealed interface Param {

  double sample(SplittableRandom random);

  /** The smallest value this parameter can produce (used to validate ranges). */
  double min();

  double max();

  static Param constant(double value) {
    return new Constant(value);
  }

  /** A fixed value. */
  record Constant(double value) implements Param {
    @Override
    public double sample(SplittableRandom random) {
      return value;
    }

    @Override
    public double min() {
      return value;
    }

    @Override
    public double max() {
      return value;
    }
  }

  /** Uniform on [a, b) as imgaug's {@code Uniform}. */
  record Uniform(double a, double b) implements Param {
    @Override
    public double sample(SplittableRandom random) {
      return a == b ? a : a + (b - a) * random.nextDouble();
    }

    @Override
    public double min() {
      return Math.min(a, b);
    }

    @Override
    public double max() {
      return Math.max(a, b);
    }
  }

  /** A whole number uniform on [a, b], both ends included (imgaug's {@code DiscreteUniform}). */
  record IntUniform(long a, long b) implements Param {
    @Override
    public double sample(SplittableRandom random) {
      return a == b ? a : random.nextLong(a, b + 1);
    }

    @Override
    public double min() {
      return a;
    }

    @Override
    public double max() {
      return b;
    }
  }

  /** One of the listed values, each equally likely (imgaug's {@code Choice}). */
  record Choice(double[] values) implements Param {
    public Choice {
      values = values.clone();
    }

    @Override
    public double sample(SplittableRandom random) {
      return values[random.nextInt(values.length)];
    }

    @Override
    public double min() {
      return Arrays.stream(values).min().orElse(0);
    }

    @Override
    public double max() {
      return Arrays.stream(values).max().orElse(0);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Choice c && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return "Choice" + Arrays.toString(values);
    }
  }
}
