package dev.musket.engine.onednn;

/**
 * A 2-D window sliding over an input, as a convolution's or a pooling's: kernel, strides, top/left
 * padding and both sizes, with the oneDNN arguments derived from them in one place.
 */
interface WindowShape {

  int kernelH();

  int kernelW();

  int strideH();

  int strideW();

  int padTop();

  int padLeft();

  int inHeight();

  int inWidth();

  int outHeight();

  int outWidth();

  default long[] strides() {
    return new long[] {strideH(), strideW()};
  }

  /** Top and left padding. */
  default long[] padBefore() {
    return new long[] {padTop(), padLeft()};
  }

  /**
   * Bottom and right padding that makes the output size exact, as oneDNN wants it; negative where
   * rows that fill no window are dropped (Truncate).
   */
  default long[] padAfter() {
    return new long[] {
      (outHeight() - 1L) * strideH() + kernelH() - inHeight() - padTop(),
      (outWidth() - 1L) * strideW() + kernelW() - inWidth() - padLeft()
    };
  }
}
