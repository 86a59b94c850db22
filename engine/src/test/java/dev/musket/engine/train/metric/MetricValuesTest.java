package dev.musket.engine.train.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.musket.engine.config.LossExpression;
import org.junit.jupiter.api.Test;

/** Each metric against values worked out by hand, including the edge cases. */
class MetricValuesTest {

  private static final MetricRegistry REGISTRY = MetricRegistry.withBuiltIns();
  private static final MetricContext SIGMOID = new MetricContext(2, "sigmoid", null);

  /** Thresholded: [1,0],[1,1],[0,0] against [1,0],[0,1],[1,0]: TP 2, FP 1, FN 1, TN 2. */
  private static final double[][] P = {{0.9, 0.2}, {0.6, 0.7}, {0.1, 0.4}};

  private static final double[][] Y = {{1, 0}, {0, 1}, {1, 0}};

  private static double value(String metric, MetricContext context, double[][] p, double[][] y) {
    Metric m = REGISTRY.create(metric, context);
    m.update(p, y);
    return m.value();
  }

  private static double value(String metric, double[][] p, double[][] y) {
    return value(metric, SIGMOID, p, y);
  }

  @Test
  void binaryAccuracyThresholdsAboveOneHalf() {
    double[][] p = {{0.6, 0.5}, {0.2, 0.9}};
    double[][] y = {{1, 0}, {1, 1}};
    assertThat(value("binary_accuracy", p, y)).isEqualTo(0.75);
  }

  @Test
  void categoricalAccuracyComparesArgMaxesWithTiesToTheFirst() {
    assertThat(
            value(
                "categorical_accuracy",
                new double[][] {{0.4, 0.4, 0.2}},
                new double[][] {{1, 0, 0}}))
        .isEqualTo(1.0);
    assertThat(
            value(
                "categorical_accuracy",
                new double[][] {{0.4, 0.4, 0.2}},
                new double[][] {{0, 1, 0}}))
        .isEqualTo(0.0);
  }

  @Test
  void sparseCategoricalAccuracyReadsClassIndices() {
    double[][] p = {{0.1, 0.7, 0.2}, {0.5, 0.3, 0.2}};
    assertThat(value("sparse_categorical_accuracy", p, new double[][] {{1}, {2}})).isEqualTo(0.5);
  }

  @Test
  void accuracyFollowsKerasChoiceByWidthAndLoss() {
    double[][] p = {{0.6, 0.7}};
    double[][] y = {{1, 1}};
    LossExpression bce = LossExpression.parse("binary_crossentropy").expression();
    LossExpression cce = LossExpression.parse("categorical_crossentropy").expression();
    LossExpression composite = LossExpression.parse("binary_crossentropy+dice_loss").expression();
    // binary: both outputs right; categorical: arg-max 1 vs target arg-max 0
    assertThat(value("accuracy", new MetricContext(2, "softmax", bce), p, y)).isEqualTo(1.0);
    assertThat(value("accuracy", new MetricContext(2, "softmax", cce), p, y)).isEqualTo(0.0);
    assertThat(value("accuracy", new MetricContext(2, "sigmoid", composite), p, y)).isEqualTo(1.0);
    assertThat(
            value(
                "ACC",
                new MetricContext(1, "linear", null),
                new double[][] {{0.7}},
                new double[][] {{1}}))
        .isEqualTo(1.0);
    LossExpression sparse = LossExpression.parse("sparse_categorical_crossentropy").expression();
    assertThat(value("accuracy", new MetricContext(2, "softmax", sparse), p, new double[][] {{1}}))
        .isEqualTo(1.0);
  }

  @Test
  void precisionRecallAndF1CountOverAllOutputs() {
    assertThat(value("precision", P, Y)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(value("recall", P, Y)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(value("f1", P, Y)).isCloseTo(2.0 / 3, within(1e-12));
    double[][] y = {{1, 1}, {0, 1}, {1, 0}};
    // TP 2, FP 1, FN 2
    assertThat(value("precision", P, y)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(value("recall", P, y)).isCloseTo(0.5, within(1e-12));
    assertThat(value("f1", P, y)).isCloseTo(4.0 / 7, within(1e-12));
  }

  @Test
  void f1IsZeroWhenAClassNeverOccursNorIsPredicted() {
    double[][] p = {{0.1}, {0.3}};
    double[][] y = {{0}, {0}};
    assertThat(value("f1", p, y)).isZero();
    assertThat(value("precision", p, y)).isZero();
    assertThat(value("recall", p, y)).isZero();
    assertThat(value("macro_f1", new double[][] {{0.0}, {0.0}}, y)).isZero();
  }

  @Test
  void macroF1AveragesSoftPerClassScores() {
    double[][] p = {{0.8, 0.3}, {0.4, 0.6}};
    double[][] y = {{1, 0}, {0, 1}};
    double class0 = 8.0 / 11; // tp 0.8, fp 0.4, fn 0.2
    double class1 = 0.8 / (2.0 / 3 + 0.6); // tp 0.6, fp 0.3, fn 0.4
    assertThat(value("macro_f1", p, y)).isCloseTo((class0 + class1) / 2, within(1e-6));
  }

  @Test
  void matthewsCorrelationAndDiceFromCounts() {
    assertThat(value("matthews_correlation", P, Y)).isCloseTo(1.0 / 3, within(1e-7));
    assertThat(value("dice", P, Y)).isCloseTo(2.0 / 3, within(1e-9));
  }

  @Test
  void aSingleClassGivesZeroForCorrelationDiceAndAuc() {
    double[][] p = {{0.2}, {0.7}};
    double[][] negatives = {{0}, {0}};
    double[][] positives = {{1}, {1}};
    assertThat(value("matthews_correlation", p, negatives)).isZero();
    assertThat(value("dice", new double[][] {{0.2}, {0.1}}, negatives)).isZero();
    assertThat(value("auc", p, negatives)).isZero();
    assertThat(value("auc", p, positives)).isZero();
  }

  @Test
  void aucIsTheShareOfCorrectlyOrderedPairs() {
    double[][] p = {{0.1}, {0.4}, {0.35}, {0.8}};
    double[][] y = {{0}, {0}, {1}, {1}};
    assertThat(value("auc", p, y)).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void aucCountsTiedScoresAsHalf() {
    // pairs (pos, neg): (0.5, 0.5) half, (0.5, 0.2), (0.9, 0.5), (0.9, 0.2) right
    double[][] p = {{0.5}, {0.5}, {0.2}, {0.9}};
    double[][] y = {{1}, {0}, {0}, {1}};
    assertThat(value("auc", p, y)).isCloseTo(3.5 / 4, within(1e-12));
    double[][] allTied = {{0.3}, {0.3}, {0.3}, {0.3}};
    assertThat(value("auc", allTied, y)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void errorsAverageOverOutputsThenExamples() {
    double[][] p = {{0.8, 0.4}, {0.5, 0.5}};
    double[][] y = {{1, 0}, {1, 1}};
    assertThat(value("mse", p, y)).isCloseTo((0.1 + 0.25) / 2, within(1e-12));
    assertThat(value("mae", p, y)).isCloseTo((0.3 + 0.5) / 2, within(1e-12));
    assertThat(value("mean_squared_error", p, y)).isCloseTo((0.1 + 0.25) / 2, within(1e-12));
  }

  @Test
  void iouIsMusketsSmoothedCoefficient() {
    assertThat(value("iou", new double[][] {{0.8, 0.4}}, new double[][] {{1, 0}}))
        .isCloseTo(1.125, within(1e-12));
    assertThat(value("iou_coef", new double[][] {{0, 0}}, new double[][] {{0, 0}})).isEqualTo(2.0);
  }

  @Test
  void lossesServeAsMetrics() {
    assertThat(value("log_loss", new double[][] {{0.8, 0.4}}, new double[][] {{1, 0}}))
        .isCloseTo(-Math.log(0.8), within(1e-12));
    assertThat(value("dice_loss", new double[][] {{0.8, 0.4}}, new double[][] {{1, 0}}))
        .isCloseTo(1 - 2.6 / 2.8, within(1e-12));
  }

  @Test
  void aMetricWithoutDataIsNaN() {
    assertThat(REGISTRY.create("binary_accuracy", SIGMOID).value()).isNaN();
    assertThat(REGISTRY.create("auc", SIGMOID).value()).isNaN();
    assertThat(REGISTRY.create("f1", SIGMOID).value()).isNaN();
  }
}
