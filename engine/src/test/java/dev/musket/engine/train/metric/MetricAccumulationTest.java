package dev.musket.engine.train.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.musket.engine.config.LossExpression;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An epoch's value does not depend on how the epoch was cut into batches, nor on the input type.
 */
class MetricAccumulationTest {

  private static final MetricRegistry REGISTRY = MetricRegistry.withBuiltIns();
  private static final MetricContext CONTEXT =
      new MetricContext(3, "sigmoid", LossExpression.parse("binary_crossentropy").expression());
  private static final int EXAMPLES = 23;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "binary_accuracy",
        "categorical_accuracy",
        "accuracy",
        "macro_f1",
        "f1",
        "precision",
        "recall",
        "auc",
        "mse",
        "mae",
        "matthews_correlation",
        "dice",
        "iou",
        "log_loss",
        "binary_crossentropy",
        "jaccard_loss"
      })
  void batchesAccumulateToTheOneShotValue(String name) {
    Random random = new Random(name.hashCode());
    double[][] p = new double[EXAMPLES][3];
    double[][] y = new double[EXAMPLES][3];
    for (int i = 0; i < EXAMPLES; i++) {
      for (int j = 0; j < 3; j++) {
        p[i][j] = Math.round(random.nextDouble() * 20) / 20.0; // ties on purpose
        y[i][j] = random.nextBoolean() ? 1 : 0;
      }
    }
    Metric oneShot = REGISTRY.create(name, CONTEXT);
    oneShot.update(p, y);
    double expected = oneShot.value();

    Metric batched = REGISTRY.create(name, CONTEXT);
    for (int round = 0; round < 2; round++) {
      batched.reset();
      int start = 0;
      for (int size : List.of(1, 5, 8, 9)) {
        batched.update(
            Arrays.copyOfRange(p, start, start + size), Arrays.copyOfRange(y, start, start + size));
        start += size;
      }
      assertThat(batched.value()).as("after reset %d", round).isCloseTo(expected, within(1e-12));
    }

    Metric fromArrays = REGISTRY.create(name, CONTEXT);
    fromArrays.update(Nd4j.create(p), Nd4j.create(y));
    assertThat(fromArrays.value()).isCloseTo(expected, within(1e-12));
    assertThat(expected).isFinite();
  }

  @ParameterizedTest
  @ValueSource(strings = {"binary_accuracy", "auc", "macro_f1", "mse"})
  void floatRowsGiveTheSameValueAsDoubleRows(String name) {
    float[][] pf = {{0.25f, 0.75f, 0.5f}, {0.875f, 0.125f, 0.625f}};
    float[][] yf = {{0, 1, 1}, {1, 0, 0}};
    double[][] pd = {{0.25, 0.75, 0.5}, {0.875, 0.125, 0.625}};
    double[][] yd = {{0, 1, 1}, {1, 0, 0}};
    Metric a = REGISTRY.create(name, CONTEXT);
    a.update(pf, yf);
    Metric b = REGISTRY.create(name, CONTEXT);
    b.update(pd, yd);
    assertThat(a.value()).isEqualTo(b.value());
  }
}
