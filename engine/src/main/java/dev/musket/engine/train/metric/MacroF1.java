package dev.musket.engine.train.metric;

/**
 * Musket's {@code macro_f1}: per class (output column), a soft F1 from probability sums {@code tp =
 * sum y p}, {@code fp = sum (1-y) p}, {@code fn = sum y (1-p)} with Keras' epsilon in every
 * denominator, then the mean over classes. Musket applies no threshold during training (its summary
 * thresholds at 0.5 first: see {@link MetricRegistry#createForEvaluation}). A class with no
 * positives and no predictions scores 0.
 */
public final class MacroF1 implements Metric {

  private static final double EPSILON = 1e-7;

  private final String name;
  private double[] truePositives;
  private double[] falsePositives;
  private double[] falseNegatives;

  public MacroF1(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void update(double[][] predictions, double[][] targets) {
    Rows.requireSameShape(name, predictions, targets);
    if (predictions.length == 0) {
      return;
    }
    int classes = predictions[0].length;
    if (truePositives == null) {
      truePositives = new double[classes];
      falsePositives = new double[classes];
      falseNegatives = new double[classes];
    } else if (truePositives.length != classes) {
      throw new IllegalArgumentException(
          name + ": batches with " + truePositives.length + " and " + classes + " classes");
    }
    for (int i = 0; i < predictions.length; i++) {
      for (int c = 0; c < classes; c++) {
        double y = targets[i][c];
        double p = predictions[i][c];
        truePositives[c] += y * p;
        falsePositives[c] += (1 - y) * p;
        falseNegatives[c] += y * (1 - p);
      }
    }
  }

  @Override
  public double value() {
    if (truePositives == null) {
      return Double.NaN;
    }
    double sum = 0;
    for (int c = 0; c < truePositives.length; c++) {
      double precision = truePositives[c] / (truePositives[c] + falsePositives[c] + EPSILON);
      double recall = truePositives[c] / (truePositives[c] + falseNegatives[c] + EPSILON);
      double f1 = 2 * precision * recall / (precision + recall + EPSILON);
      sum += Double.isNaN(f1) ? 0 : f1;
    }
    return sum / truePositives.length;
  }

  @Override
  public void reset() {
    truePositives = null;
    falsePositives = null;
    falseNegatives = null;
  }
}
