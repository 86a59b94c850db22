package dev.musket.engine.train.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class EpochMetricsTest {

  private static final MetricRegistry REGISTRY = MetricRegistry.withBuiltIns();

  @Test
  void everyHeadGetsEveryMetricUnderItsOwnName() {
    EpochMetrics metrics =
        EpochMetrics.forTraining(
            REGISTRY,
            List.of("binary_accuracy", "mae"),
            List.of(new MetricContext(2, "sigmoid", null), new MetricContext(1, "sigmoid", null)),
            MetricScope.VALIDATION);
    metrics.update(
        0, Nd4j.create(new double[][] {{0.9, 0.2}}), Nd4j.create(new double[][] {{1, 1}}));
    metrics.update(1, new float[][] {{0.25f}}, new float[][] {{0}});

    assertThat(metrics.values())
        .containsExactly(
            entry("val_output_0_binary_accuracy", 0.5),
            entry("val_output_0_mae", (0.1 + 0.8) / 2),
            entry("val_output_1_binary_accuracy", 1.0),
            entry("val_output_1_mae", 0.25));
  }

  @Test
  void resetStartsTheNextEpochEmpty() {
    EpochMetrics metrics =
        EpochMetrics.forTraining(
            REGISTRY,
            List.of("binary_accuracy"),
            List.of(new MetricContext(1, "sigmoid", null)),
            MetricScope.TRAINING);
    metrics.update(0, new float[][] {{0.9f}}, new float[][] {{0}});
    metrics.reset();
    assertThat(metrics.values().get("binary_accuracy")).isNaN();
    metrics.update(0, new float[][] {{0.9f}}, new float[][] {{1}});
    assertThat(metrics.values()).containsEntry("binary_accuracy", 1.0);
  }

  @Test
  void evaluationThresholdsLikeMusketsSummaryButNotForAuc() {
    List<MetricContext> head = List.of(new MetricContext(1, "sigmoid", null));
    List<String> names = List.of("macro_f1", "auc");
    EpochMetrics training = EpochMetrics.forTraining(REGISTRY, names, head, MetricScope.HOLDOUT);
    EpochMetrics evaluation =
        EpochMetrics.forEvaluation(REGISTRY, names, head, MetricScope.HOLDOUT);
    float[][] p = {{0.8f}, {0.3f}, {0.6f}};
    float[][] y = {{1}, {0}, {0}};
    training.update(0, p, y);
    evaluation.update(0, p, y);

    // soft: tp 0.8, fp 0.9, fn 0.2; thresholded: tp 1, fp 1, fn 0
    double soft = 2 * (0.8 / 1.7) * 0.8 / (0.8 / 1.7 + 0.8);
    assertThat(training.values().get("macro_f1_holdout")).isCloseTo(soft, within(1e-6));
    assertThat(evaluation.values().get("macro_f1_holdout")).isCloseTo(2.0 / 3, within(1e-6));
    assertThat(evaluation.values().get("auc_holdout")).isEqualTo(1.0);
  }

  @Test
  void anUnknownMetricSaysWhatIsKnown() {
    assertThatThrownBy(
            () ->
                EpochMetrics.forTraining(
                    REGISTRY,
                    List.of("binary_acuracy"),
                    List.of(new MetricContext(1, "sigmoid", null)),
                    MetricScope.TRAINING))
        .isInstanceOf(UnknownMetricException.class)
        .hasMessageContaining("unknown metric 'binary_acuracy'")
        .hasMessageContaining("binary_accuracy");
  }

  @Test
  void projectCodeRegistersMetricsCaseInsensitively() {
    MetricRegistry registry = MetricRegistry.withBuiltIns();
    registry.register("Hmar_Incorrect", (name, context) -> new MeanAbsoluteErrorMetric(name));
    assertThat(registry.isKnown("hmar_incorrect")).isTrue();
    Metric m = registry.create("HMAR_INCORRECT", new MetricContext(1, "sigmoid", null));
    assertThat(m.name()).isEqualTo("HMAR_INCORRECT");
    assertThat(registry.isKnown("focal_loss")).isTrue();
  }
}
