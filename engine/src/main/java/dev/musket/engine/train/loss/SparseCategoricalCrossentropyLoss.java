package dev.musket.engine.train.loss;

import static dev.musket.engine.train.loss.KerasBackend.EPSILON;
import static dev.musket.engine.train.loss.KerasBackend.clip;
import static dev.musket.engine.train.loss.KerasBackend.clipGradient;

/**
 * Keras' {@code sparse_categorical_crossentropy}: targets are class indices, labels {@code [batch,
 * 1]}. Keras clips the outputs to [1e-7, 1 - 1e-7], takes their log as logits and applies a softmax
 * cross-entropy, which is {@code -log(c_y / sum c)} for the clipped outputs {@code c}.
 */
public final class SparseCategoricalCrossentropyLoss extends KerasLoss {

  private static final long serialVersionUID = 1L;

  @Override
  public String kerasName() {
    return "sparse_categorical_crossentropy";
  }

  @Override
  protected Value evaluate(double[][] labels, double[][] output) {
    int n = output.length;
    double[] scores = new double[n];
    double[][] gradient = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] p = output[i];
      int c = p.length;
      int target = classIndex(labels[i], c);
      double[] clipped = new double[c];
      double sum = 0;
      for (int j = 0; j < c; j++) {
        clipped[j] = clip(p[j], EPSILON, 1 - EPSILON);
        sum += clipped[j];
      }
      scores[i] = -Math.log(clipped[target] / sum);
      gradient[i] = new double[c];
      for (int j = 0; j < c; j++) {
        double d = 1 / sum - (j == target ? 1 / clipped[target] : 0);
        gradient[i][j] = clipGradient(p[j], EPSILON, 1 - EPSILON) * d;
      }
    }
    return new Value(scores, gradient);
  }

  private int classIndex(double[] label, int classes) {
    if (label.length != 1) {
      throw new IllegalArgumentException(
          "sparse_categorical_crossentropy takes class indices, labels of shape [batch, 1]; got "
              + label.length
              + " columns (use categorical_crossentropy for one-hot labels)");
    }
    int index = (int) label[0];
    if (index != label[0] || index < 0 || index >= classes) {
      throw new IllegalArgumentException(
          "sparse_categorical_crossentropy: label "
              + label[0]
              + " is not a class index in [0, "
              + classes
              + ")");
    }
    return index;
  }
}
