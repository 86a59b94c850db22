package dev.musket.engine.predict;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One view of a batch for test-time augmentation: mirrored left-right and/or upside down, then
 * turned clockwise by {@code quarterTurns} (as displayed), applied to an NCHW feature batch.
 *
 * <p>Why on the batch and not on the images: the loader hands out assembled batches; permuting
 * float pixels is exact, so the view equals the flipped image fed through the same pipeline.
 */
public record TtaView(boolean horizontal, boolean vertical, int quarterTurns) {

  public static final TtaView IDENTITY = new TtaView(false, false, 0);

  /** The batch as this view sees it (a new array; the input is untouched). */
  public INDArray apply(INDArray nchw) {
    if (equals(IDENTITY)) {
      return nchw;
    }
    long[] s = nchw.shape();
    int n = (int) s[0];
    int c = (int) s[1];
    int h = (int) s[2];
    int w = (int) s[3];
    int turns = Math.floorMod(quarterTurns, 4);
    if (turns != 0 && h != w) {
      throw new IllegalArgumentException(
          "rotating test-time augmentation needs a square input, got " + h + "x" + w);
    }
    float[] src = Nd4j.toFlattened('c', nchw.castTo(DataType.FLOAT)).toFloatVector();
    float[] dst = new float[src.length];
    int plane = h * w;
    for (int p = 0; p < n * c; p++) {
      int base = p * plane;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          // source pixel after the flips
          int fy = vertical ? h - 1 - y : y;
          int fx = horizontal ? w - 1 - x : x;
          // destination after turning clockwise (y down): (y, x) -> (x, h-1-y) per quarter
          int ty = y;
          int tx = x;
          for (int t = 0; t < turns; t++) {
            int ny = tx;
            int nx = h - 1 - ty;
            ty = ny;
            tx = nx;
          }
          dst[base + ty * w + tx] = src[base + fy * w + fx];
        }
      }
    }
    return Nd4j.create(dst, new long[] {n, c, h, w}, 'c');
  }
}
