package dev.musket.engine.model;

/**
 * The zero padding put in front of a backbone whose own definition needs a larger input than the
 * one given: Keras refuses InceptionV3 and InceptionResNetV2 below 75x75 and Xception below 71x71,
 * while Musket's rule is that every architecture takes any input of at least {@link
 * #SMALLEST_INPUT}x{@link #SMALLEST_INPUT}.
 *
 * <p>Why padding, centered, and only up to the minimum: at every size Keras accepts the network
 * stays exactly Keras' (no padding vertex at all), the padding layer has no parameters, so
 * parameter counts and pretrained weights are unchanged, and the image is not resampled. See {@code
 * docs/decisions/0014-small-inputs-are-zero-padded.md}.
 *
 * @param top rows added above (the smaller half when the padding is odd)
 * @param bottom rows added below
 * @param left columns added on the left (the smaller half when the padding is odd)
 * @param right columns added on the right
 */
public record InputPadding(int top, int bottom, int left, int right) {

  /** Every architecture accepts inputs at least this high and wide. */
  public static final int SMALLEST_INPUT = 32;

  private static final InputPadding NONE = new InputPadding(0, 0, 0, 0);

  /**
   * The padding that brings {@code height} x {@code width} up to {@code minimum} along each axis
   * that is smaller, centered (the odd row or column goes to the bottom or right, as TensorFlow's
   * "same" padding does).
   *
   * @throws IllegalArgumentException naming the architecture when the input is smaller than both
   *     {@link #SMALLEST_INPUT} and {@code minimum}
   */
  public static InputPadding forInput(String architecture, int height, int width, int minimum) {
    int accepted = Math.min(minimum, SMALLEST_INPUT);
    if (height < accepted || width < accepted) {
      throw new IllegalArgumentException(
          architecture
              + " needs an input of at least "
              + accepted
              + "x"
              + accepted
              + ", got "
              + height
              + "x"
              + width
              + "; make the shape larger");
    }
    int padH = Math.max(0, minimum - height);
    int padW = Math.max(0, minimum - width);
    if (padH == 0 && padW == 0) {
      return NONE;
    }
    return new InputPadding(padH / 2, padH - padH / 2, padW / 2, padW - padW / 2);
  }

  /** Whether no padding is needed (the input is at least the architecture's own minimum). */
  public boolean isNone() {
    return top == 0 && bottom == 0 && left == 0 && right == 0;
  }
}
