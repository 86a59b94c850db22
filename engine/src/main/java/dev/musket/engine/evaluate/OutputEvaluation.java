package dev.musket.engine.evaluate;

import java.util.List;

/**
 * The evaluation of one model output.
 *
 * @param confusion {@code [true class][predicted class]} counts for a single-label output; {@code
 *     null} for a multi-label one, whose per-class counts are in {@code classes}
 * @param accuracy single-label: the share of items whose most probable class is the true one;
 *     multi-label: the share of items whose thresholded classes (0.5) are exactly the true ones
 * @param topLosses the items with the highest loss, highest first
 */
public record OutputEvaluation(
    int output,
    List<String> classNames,
    boolean singleLabel,
    int[][] confusion,
    List<ClassScores> classes,
    double accuracy,
    List<TopLoss> topLosses) {

  public double macroPrecision() {
    return classes.stream().mapToDouble(ClassScores::precision).average().orElse(0);
  }

  public double macroRecall() {
    return classes.stream().mapToDouble(ClassScores::recall).average().orElse(0);
  }

  public double macroF1() {
    return classes.stream().mapToDouble(ClassScores::f1).average().orElse(0);
  }
}
