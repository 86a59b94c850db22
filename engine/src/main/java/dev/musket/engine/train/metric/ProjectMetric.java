package dev.musket.engine.train.metric;

import java.util.ArrayList;
import java.util.List;

/**
 * A metric defined by project code ({@code @Metric}): the rows of an epoch (or of a prediction set)
 * are kept, and the project's function computes the value from all of them at once, as a Keras
 * metric over the whole epoch would. Keeping the rows costs {@code examples x outputs} doubles,
 * small for classification heads.
 */
final class ProjectMetric implements Metric {

  /** The project's method: targets and predictions, both {@code [examples][outputs]}. */
  @FunctionalInterface
  interface Function {
    double apply(double[][] yTrue, double[][] yPred);
  }

  private final String name;
  private final Function function;
  private final List<double[]> targets = new ArrayList<>();
  private final List<double[]> predictions = new ArrayList<>();

  ProjectMetric(String name, Function function) {
    this.name = name;
    this.function = function;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void update(double[][] batchPredictions, double[][] batchTargets) {
    Rows.requireSameShape(name, batchPredictions, batchTargets);
    for (int i = 0; i < batchPredictions.length; i++) {
      predictions.add(batchPredictions[i].clone());
      targets.add(batchTargets[i].clone());
    }
  }

  @Override
  public double value() {
    if (predictions.isEmpty()) {
      return Double.NaN;
    }
    return function.apply(targets.toArray(new double[0][]), predictions.toArray(new double[0][]));
  }

  @Override
  public void reset() {
    targets.clear();
    predictions.clear();
  }
}
