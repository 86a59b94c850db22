package dev.musket.engine.util;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * 2-d {@link INDArray}s as Java arrays, read in one bulk copy.
 *
 * <p>Why not {@link INDArray#toDoubleMatrix()}: it reads row by row through tensor-along-dimension
 * views, and every view allocates native shape buffers that only the garbage collector frees. A
 * loss or metric that converted each batch that way made hundreds of native buffers per batch, the
 * allocation profile of a training run was dominated by them, and the process's resident memory
 * grew between collections (docs/benchmarks.md, "Memory"). Here a batch costs at most one
 * contiguous copy.
 */
public final class Matrices {

  private Matrices() {}

  /** {@code [rows][columns]} of a 2-d array, in its logical (row-major) order. */
  public static double[][] doubleRows(INDArray array) {
    long[] shape = requireMatrix(array);
    int rows = (int) shape[0];
    int columns = (int) shape[1];
    double[] flat = flat(array).asDouble();
    double[][] out = new double[rows][];
    for (int i = 0; i < rows; i++) {
      out[i] = Arrays.copyOfRange(flat, i * columns, (i + 1) * columns);
    }
    return out;
  }

  /** {@code [rows][columns]} of a 2-d array as floats, in its logical (row-major) order. */
  public static float[][] floatRows(INDArray array) {
    long[] shape = requireMatrix(array);
    int rows = (int) shape[0];
    int columns = (int) shape[1];
    float[] flat = flat(array).asFloat();
    float[][] out = new float[rows][];
    for (int i = 0; i < rows; i++) {
      out[i] = Arrays.copyOfRange(flat, i * columns, (i + 1) * columns);
    }
    return out;
  }

  /**
   * The array's data buffer when it already is exactly its elements in row-major order, else the
   * buffer of a row-major copy.
   */
  private static org.nd4j.linalg.api.buffer.DataBuffer flat(INDArray array) {
    boolean exact =
        array.ordering() == 'c'
            && !array.isView()
            && array.offset() == 0
            && array.data().length() == array.length();
    return exact ? array.data() : array.dup('c').data();
  }

  private static long[] requireMatrix(INDArray array) {
    if (array.rank() != 2) {
      throw new IllegalArgumentException(
          "expected a 2-d array [rows, columns]; got shape " + Arrays.toString(array.shape()));
    }
    return array.shape();
  }
}
