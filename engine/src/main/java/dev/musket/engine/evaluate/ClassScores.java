package dev.musket.engine.evaluate;

/**
 * One class's counts and scores. Precision, recall and F1 are 0 where undefined (no prediction or
 * no true item of the class), as scikit-learn's {@code zero_division=0}.
 *
 * @param support how many items truly belong to the class
 */
public record ClassScores(
    String name,
    int support,
    int truePositives,
    int falsePositives,
    int falseNegatives,
    double precision,
    double recall,
    double f1) {

  static ClassScores of(String name, int tp, int fp, int fn) {
    double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
    return new ClassScores(name, tp + fn, tp, fp, fn, p, r, f1);
  }
}
