package dev.musket.engine.train.metric;

/**
 * True/false positives/negatives over every output of every example seen, after thresholding
 * predictions and targets at 0.5 (Keras' {@code K.round}). The shared state of the thresholded
 * binary metrics, which micro-average over outputs as Keras' formulas do.
 */
final class ConfusionCounts {

  long truePositives;
  long falsePositives;
  long falseNegatives;
  long trueNegatives;

  void add(double[][] predictions, double[][] targets) {
    for (int i = 0; i < predictions.length; i++) {
      for (int j = 0; j < predictions[i].length; j++) {
        boolean predicted = Rows.positive(predictions[i][j]);
        boolean actual = Rows.positive(targets[i][j]);
        if (predicted && actual) {
          truePositives++;
        } else if (predicted) {
          falsePositives++;
        } else if (actual) {
          falseNegatives++;
        } else {
          trueNegatives++;
        }
      }
    }
  }

  long total() {
    return truePositives + falsePositives + falseNegatives + trueNegatives;
  }

  void clear() {
    truePositives = 0;
    falsePositives = 0;
    falseNegatives = 0;
    trueNegatives = 0;
  }
}
