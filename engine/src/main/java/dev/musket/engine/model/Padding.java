package dev.musket.engine.model;

import org.deeplearning4j.nn.conf.ConvolutionMode;

/**
 * Keras' two padding modes, mapped to DL4J convolution modes.
 *
 * <p>{@code SAME} is DL4J's {@link ConvolutionMode#Same}: like TensorFlow it pads the extra row and
 * column at the bottom and right. {@code VALID} is {@link ConvolutionMode#Truncate}, which drops
 * the last rows that do not fill a window, as Keras does.
 */
public enum Padding {
  SAME(ConvolutionMode.Same),
  VALID(ConvolutionMode.Truncate);

  private final ConvolutionMode mode;

  Padding(ConvolutionMode mode) {
    this.mode = mode;
  }

  /** The DL4J convolution mode for this padding. */
  public ConvolutionMode mode() {
    return mode;
  }

  /** Output length along one axis for an input of {@code size}, a window and a stride. */
  public long outputSize(long size, int window, int stride) {
    if (this == SAME) {
      return (size + stride - 1) / stride;
    }
    long out = (size - window) / stride + 1;
    if (size < window) {
      throw new IllegalArgumentException(
          "input of size " + size + " is smaller than a window of " + window + " (valid padding)");
    }
    return out;
  }
}
