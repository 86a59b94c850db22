package dev.musket.engine.onednn;

/**
 * Which layout each of a convolution's three primitives runs on: oneDNN's blocked layouts (with
 * reorders at the layer boundary) or DL4J's plain NCHW/OIHW in place. Chosen per geometry and per
 * primitive because oneDNN's fast kernels differ between them: for an image-facing convolution (3
 * input channels) the forward and backward-weights kernels are much faster blocked, the
 * backward-data kernel plain (docs/decisions/0003, 0022).
 *
 * @param forward the forward primitive runs blocked
 * @param backwardData the backward-data primitive runs blocked
 * @param backwardWeights the backward-weights primitive runs blocked
 */
public record ConvLayouts(boolean forward, boolean backwardData, boolean backwardWeights) {

  /** Every primitive blocked. */
  public static final ConvLayouts BLOCKED = new ConvLayouts(true, true, true);

  /** Every primitive on the plain layouts, in place. */
  public static final ConvLayouts PLAIN = new ConvLayouts(false, false, false);

  /** {@link #BLOCKED} or {@link #PLAIN}. */
  public static ConvLayouts uniform(boolean blocked) {
    return blocked ? BLOCKED : PLAIN;
  }

  /**
   * The layouts the engine's convolution layer uses for {@code geometry} where blocked layouts are
   * allowed ({@code -Dmusket.onednn.blocked}, default true). Measured per shape against each other
   * and against PyTorch with {@code bench/run --conv-shapes}: an image-facing convolution (fewer
   * than 8 input channels) runs forward and backward-weights blocked (oneDNN's first-convolution
   * kernels: 2x faster forward, 3-4x faster backward-weights than plain) and backward-data plain
   * (blocked it was 1.5x slower on ResNet's stem); a 1x1 convolution with an output of at least 8x8
   * runs plain (oneDNN's plain 1x1 kernels are a matrix product in place, and the reorders of a
   * blocked 1x1 cost as much as its arithmetic: 1.1-1.9x faster plain in MobileNetV2, DenseNet and
   * ResNet's projections, slower below 8x8); every other convolution runs blocked.
   */
  public static ConvLayouts chosenFor(ConvGeometry geometry) {
    if (geometry.inChannels() < 8) {
      return new ConvLayouts(true, false, true);
    }
    if (geometry.kernelH() == 1
        && geometry.kernelW() == 1
        && geometry.outHeight() >= 8
        && geometry.outWidth() >= 8) {
      return PLAIN;
    }
    return BLOCKED;
  }
}
