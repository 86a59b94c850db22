package dev.musket.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.musket.engine.config.ExperimentConfig;
import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.events.CancellationToken;
import dev.musket.engine.experiment.ExperimentFolder;
import dev.musket.engine.experiment.ExperimentScore;
import dev.musket.engine.experiment.ExperimentSummary;
import dev.musket.engine.experiment.MetricStats;
import dev.musket.engine.experiment.MetricsSummary;
import dev.musket.engine.experiment.MetricsTable;
import dev.musket.engine.experiment.ProjectExperiments;
import dev.musket.engine.experiment.SummaryStatus;
import dev.musket.engine.predict.PredictionRequest;
import dev.musket.engine.predict.PredictionSource;
import dev.musket.engine.predict.Predictions;
import dev.musket.engine.predict.Predictor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code final_metrics} in a real fit: summarised per stage and for all stages like the other
 * metrics, on every fold's validation set and on the holdout, and logged per epoch as {@code val_}
 * when the primary metric names one or it is marked {@code for_validation}. The summary is checked
 * against counts made here from the trained folds' predicted probabilities.
 */
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinalMetricsFitTest {

  static final String CONFIG =
      """
      #%Musket Classification 1.0
      architecture: TinyNet
      shape: [16, 16, 3]
      classes: 2
      activation: sigmoid
      loss: binary_crossentropy
      metrics: [binary_accuracy]
      final_metrics:
        - precision
        - recall: {for_validation: true}
        - macro_f1
      primary_metric: val_precision
      primary_metric_mode: max
      experiment_result: macro_f1_holdout
      optimizer: Adam
      lr: 0.01
      batch: 4
      inference_batch: 8
      folds_count: 2
      testSplit: 0.25
      stages:
        - epochs: 2
        - epochs: 2
          lr: 0.005
      dataset:
        image_folder: [data/images]
      """;

  Path project;
  ExperimentFolder folder;
  ExperimentSummary summary;
  Predictor predictor;

  @BeforeAll
  void fit(@TempDir Path dir) throws IOException {
    project = TinyProject.create(dir, 12, CONFIG);
    ExperimentConfig cfg =
        new ExperimentLoader()
            .load(ProjectExperiments.configOf(project, TinyProject.NAME))
            .config()
            .orElseThrow();
    FitResult result =
        new ExperimentRunner()
            .fit(
                project,
                TinyProject.NAME,
                cfg,
                new FitOptions(false, false, List.of(), null, 2),
                event -> {},
                new CancellationToken());
    assertThat(result.outcome()).isEqualTo(FitResult.Outcome.COMPLETED);
    folder = ExperimentFolder.of(project.resolve("experiments").resolve(TinyProject.NAME));
    summary = ((SummaryStatus.Completed) folder.readSummary().orElseThrow()).summary();
    predictor = new Predictor(project, TinyProject.NAME, cfg);
  }

  @Test
  void eachStageSummarisesTheFinalMetricsOverTheFoldsValidationPredictions() {
    for (int stage = 0; stage < 2; stage++) {
      MetricsSummary s = summary.stages().get(stage);
      Counts fold0 = counts(validation(0, List.of(stage)));
      Counts fold1 = counts(validation(1, List.of(stage)));
      assertSpread(s.folds().get("precision"), fold0.precision(), fold1.precision());
      assertSpread(s.folds().get("recall"), fold0.recall(), fold1.recall());
      assertSpread(s.folds().get("macro_f1"), fold0.macroF1(), fold1.macroF1());
      Counts holdout = counts(holdout(List.of(stage)));
      assertThat(s.holdout().get("precision")).isCloseTo(holdout.precision(), within(1e-9));
      assertThat(s.holdout().get("recall")).isCloseTo(holdout.recall(), within(1e-9));
      assertThat(s.holdout().get("macro_f1")).isCloseTo(holdout.macroF1(), within(1e-5));
    }
  }

  @Test
  void allStagesScoresEachFoldsMeanOverItsStagesAndTheHoldoutOfEveryFoldAndStage() {
    MetricsSummary all = summary.allStages();
    Counts fold0 = counts(validation(0, List.of(0, 1)));
    Counts fold1 = counts(validation(1, List.of(0, 1)));
    assertSpread(all.folds().get("precision"), fold0.precision(), fold1.precision());
    assertSpread(all.folds().get("macro_f1"), fold0.macroF1(), fold1.macroF1());
    Counts holdout = counts(holdout(List.of(0, 1)));
    assertThat(all.holdout().get("precision")).isCloseTo(holdout.precision(), within(1e-9));
    assertThat(all.holdout().get("macro_f1")).isCloseTo(holdout.macroF1(), within(1e-5));
  }

  @Test
  void theExperimentResultIsTheAllStagesHoldoutValueOfItsFinalMetric() {
    assertThat(ExperimentScore.of(summary, "val_precision", "macro_f1_holdout"))
        .hasValue(summary.allStages().holdout().get("macro_f1"));
  }

  @Test
  void thePrimaryAndForValidationFinalMetricsAreLoggedEveryEpochOnValidationOnly()
      throws IOException {
    for (int fold = 0; fold < 2; fold++) {
      for (int stage = 0; stage < 2; stage++) {
        MetricsTable table = MetricsTable.read(folder.metricsCsv(fold, stage));
        assertThat(table.columns())
            .contains("val_precision", "val_recall", "binary_accuracy", "val_binary_accuracy")
            .doesNotContain("precision", "recall", "macro_f1", "val_macro_f1");
        assertThat(Arrays.stream(table.column("val_recall")).boxed().toList())
            .allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
      }
    }
  }

  @Test
  void theCheckpointKeptTheEpochWithTheBestPerEpochFinalMetric() throws IOException {
    // The best weights are those of the epoch with the highest val_precision, and the summary
    // measures them on the same items the same way: the two numbers agree exactly.
    for (int stage = 0; stage < 2; stage++) {
      double[] best = new double[2];
      for (int fold = 0; fold < 2; fold++) {
        double[] logged = MetricsTable.read(folder.metricsCsv(fold, stage)).column("val_precision");
        best[fold] = Arrays.stream(logged).max().orElseThrow();
      }
      MetricStats summarised = summary.stages().get(stage).folds().get("precision");
      assertThat(summarised.max()).isCloseTo(Math.max(best[0], best[1]), within(1e-9));
      assertThat(summarised.min()).isCloseTo(Math.min(best[0], best[1]), within(1e-9));
    }
  }

  private Predictions validation(int fold, List<Integer> stages) {
    return predictor.predict(
        PredictionRequest.of(new PredictionSource.Validation(fold))
            .withFolds(List.of(fold))
            .withStages(stages));
  }

  private Predictions holdout(List<Integer> stages) {
    return predictor.predict(
        PredictionRequest.of(new PredictionSource.Holdout())
            .withFolds(List.of(0, 1))
            .withStages(stages));
  }

  /** {@code mean, max, min} and numpy's population std of the two folds' values. */
  private static void assertSpread(MetricStats stats, double a, double b) {
    assertThat(stats).as("summarised").isNotNull();
    assertThat(stats.mean()).isCloseTo((a + b) / 2, within(1e-5));
    assertThat(stats.max()).isCloseTo(Math.max(a, b), within(1e-5));
    assertThat(stats.min()).isCloseTo(Math.min(a, b), within(1e-5));
    assertThat(stats.std()).isCloseTo(Math.abs(a - b) / 2, within(1e-5));
  }

  /** Per class, true/false positives and false negatives at Keras' threshold (above 0.5). */
  private static Counts counts(Predictions p) {
    int classes = p.probabilities()[0][0].length;
    long[] tp = new long[classes];
    long[] fp = new long[classes];
    long[] fn = new long[classes];
    for (int i = 0; i < p.size(); i++) {
      for (int c = 0; c < classes; c++) {
        boolean predicted = p.probabilities()[0][i][c] > 0.5;
        boolean actual = p.targets()[0][i][c] > 0.5;
        if (predicted && actual) {
          tp[c]++;
        } else if (predicted) {
          fp[c]++;
        } else if (actual) {
          fn[c]++;
        }
      }
    }
    return new Counts(tp, fp, fn);
  }

  private record Counts(long[] tp, long[] fp, long[] fn) {
    double precision() {
      long t = Arrays.stream(tp).sum();
      long f = Arrays.stream(fp).sum();
      return t + f == 0 ? 0 : (double) t / (t + f);
    }

    double recall() {
      long t = Arrays.stream(tp).sum();
      long f = Arrays.stream(fn).sum();
      return t + f == 0 ? 0 : (double) t / (t + f);
    }

    /** The mean over classes of each class's F1 (0 for a class never predicted nor present). */
    double macroF1() {
      double sum = 0;
      for (int c = 0; c < tp.length; c++) {
        sum += tp[c] == 0 ? 0 : 2.0 * tp[c] / (2.0 * tp[c] + fp[c] + fn[c]);
      }
      return sum / tp.length;
    }
  }
}
