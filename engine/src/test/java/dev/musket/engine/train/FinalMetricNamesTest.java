package dev.musket.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.config.ExperimentConfig;
import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.train.loss.LossRegistry;
import dev.musket.engine.train.metric.MetricRegistry;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every name of the metric registry, built-in metrics and losses alike, works as a final metric.
 */
class FinalMetricNamesTest {

  private static final LossRegistry LOSSES = LossRegistry.withBuiltIns();
  private static final MetricRegistry METRICS = MetricRegistry.withBuiltIns(LOSSES);

  static Set<String> names() {
    return METRICS.names();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void isSummarisedFromStoredPredictions(String name) {
    boolean sparse = name.startsWith("sparse_");
    ExperimentConfig cfg =
        new ExperimentLoader()
            .loadText(
                """
                #%%Musket Classification 1.0
                architecture: ResNet18
                classes: 3
                activation: sigmoid
                shape: [64, 64, 3]
                optimizer: Adam
                loss: %s
                primary_metric: val_loss
                final_metrics: [%s]
                stages:
                  - epochs: 1
                """
                    .formatted(
                        sparse ? "sparse_categorical_crossentropy" : "binary_crossentropy", name),
                null)
            .config()
            .orElseThrow();
    StageScoring scoring = new StageScoring(METRICS, LOSSES);
    EpochScores scores = scoring.summary(cfg, cfg.training().stages().get(0));
    predictions(sparse).scoreInto(scores);

    Map<String, Double> values = scores.values(true);

    assertThat(values).containsKey(name);
    if (!name.equals("categorical_crossentropy")) {
      // which, on predictions thresholded at 0.5 as Musket's summary feeds it, rescales a row with
      // no class above 0.5 by 0/0, as Keras does
      assertThat(values.get(name)).isFinite();
    }
  }

  /**
   * 20 items of 3 sigmoid outputs with multi-hot targets, or with class-index targets (one column)
   * for the sparse metrics.
   */
  private static PredictionSet predictions(boolean sparse) {
    Random random = new Random(5);
    float[][][] p = new float[1][20][3];
    float[][][] y = new float[1][20][];
    for (int i = 0; i < 20; i++) {
      y[0][i] = sparse ? new float[] {random.nextInt(3)} : new float[3];
      for (int c = 0; c < 3; c++) {
        p[0][i][c] = random.nextFloat();
        if (!sparse) {
          y[0][i][c] = random.nextBoolean() ? 1 : 0;
        }
      }
    }
    return new PredictionSet(p, y);
  }
}
