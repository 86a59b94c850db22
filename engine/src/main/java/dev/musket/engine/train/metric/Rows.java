package dev.musket.engine.train.metric;

import dev.musket.engine.util.Matrices;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Conversions of batches to {@code double[batch][outputs]}, the one shape metrics read. */
final class Rows {

  private Rows() {}

  static double[][] of(INDArray array) {
    if (array.rank() == 1) {
      return Matrices.doubleRows(array.reshape(array.length(), 1));
    }
    if (array.rank() != 2) {
      throw new IllegalArgumentException(
          "metrics take 2-d arrays [batch, outputs]; got shape " + Arrays.toString(array.shape()));
    }
    return Matrices.doubleRows(array);
  }

  static double[][] of(float[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = new double[rows[i].length];
      for (int j = 0; j < rows[i].length; j++) {
        out[i][j] = rows[i][j];
      }
    }
    return out;
  }

  static void requireSameShape(String metric, double[][] predictions, double[][] targets) {
    if (predictions.length != targets.length) {
      throw new IllegalArgumentException(
          metric
              + ": "
              + predictions.length
              + " predictions but "
              + targets.length
              + " targets in the batch");
    }
    for (int i = 0; i < predictions.length; i++) {
      if (predictions[i].length != targets[i].length) {
        throw new IllegalArgumentException(
            metric
                + ": a prediction has "
                + predictions[i].length
                + " outputs but its target has "
                + targets[i].length);
      }
    }
  }

  /** Keras' thresholding: {@code K.round} sends 0.5 to 0, so a value is positive above 0.5. */
  static boolean positive(double value) {
    return value > 0.5;
  }

  /** The first index of the largest value, as TensorFlow's argmax. */
  static int argmax(double[] row) {
    int best = 0;
    for (int j = 1; j < row.length; j++) {
      if (row[j] > row[best]) {
        best = j;
      }
    }
    return best;
  }
}
