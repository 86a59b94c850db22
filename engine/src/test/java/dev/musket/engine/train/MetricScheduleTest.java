package dev.musket.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.config.ExperimentConfig;
import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.train.metric.MetricRegistry;
import org.junit.jupiter.api.Test;

/** Which metrics are computed every epoch, and which after training, by Musket's rules. */
class MetricScheduleTest {

  private static final String BASE =
      """
      #%Musket Classification 1.0
      architecture: ResNet18
      classes: 3
      activation: softmax
      shape: [64, 64, 3]
      optimizer: Adam
      loss: categorical_crossentropy
      """;

  /** {@link #BASE} plus {@code extra}, with one plain stage unless {@code extra} has stages. */
  private static MetricSchedule schedule(String extra) {
    String stages = extra.contains("stages:") ? "" : "stages:\n  - epochs: 2\n";
    ExperimentConfig cfg =
        new ExperimentLoader().loadText(BASE + extra + stages, null).config().orElseThrow();
    return new MetricSchedule(cfg, MetricRegistry.withBuiltIns()::isKnown);
  }

  @Test
  void theSummaryHasTheMetricsThenTheFinalMetricsEachOnce() {
    MetricSchedule s =
        schedule(
            """
            metrics: [categorical_accuracy, macro_f1]
            final_metrics: [Macro_F1, precision, {recall: {for_validation: true}}]
            primary_metric: val_categorical_accuracy
            """);

    assertThat(s.summary())
        .containsExactly("categorical_accuracy", "macro_f1", "precision", "recall");
  }

  @Test
  void theSummaryAlsoComputesTheExperimentResultsMetricWhenNothingElseListsIt() {
    MetricSchedule s =
        schedule(
            """
            metrics: [categorical_accuracy]
            primary_metric: val_categorical_accuracy
            experiment_result: auc_holdout
            """);

    assertThat(s.summary()).containsExactly("categorical_accuracy", "auc");
  }

  @Test
  void anExperimentResultThatIsTheLossOrUnknownAddsNothing() {
    assertThat(
            schedule(
                    """
                    metrics: [categorical_accuracy]
                    primary_metric: val_categorical_accuracy
                    experiment_result: loss_holdout
                    """)
                .summary())
        .containsExactly("categorical_accuracy");
    assertThat(
            schedule(
                    """
                    metrics: [categorical_accuracy]
                    primary_metric: val_categorical_accuracy
                    experiment_result: hmar_incorrect
                    """)
                .summary())
        .containsExactly("categorical_accuracy");
  }

  @Test
  void aFinalMetricIsComputedEveryEpochWhenThePrimaryMetricACallbackOrItsFlagAsksForIt() {
    MetricSchedule s =
        schedule(
            """
            metrics: [categorical_accuracy]
            final_metrics:
              - macro_f1
              - precision
              - recall: {for_validation: true}
              - auc
              - matthews_correlation: {for_validation: false}
            primary_metric: val_macro_f1
            callbacks:
              ReduceLROnPlateau: {monitor: val_precision, patience: 2}
            """);

    assertThat(s.validationEveryEpoch()).containsExactly("macro_f1", "precision", "recall");
    assertThat(s.primaryMonitor()).isEqualTo("val_macro_f1");
  }

  @Test
  void aStagesOwnCallbacksCountAsWatchers() {
    MetricSchedule s =
        schedule(
            """
            final_metrics: [auc]
            primary_metric: val_loss
            stages:
              - epochs: 2
                extra_callbacks:
                  EarlyStopping: {monitor: val_auc, patience: 2}
            """);

    assertThat(s.validationEveryEpoch()).containsExactly("auc");
  }

  @Test
  void aCallbackWatchingABareFinalMetricWatchesItsValidationColumn() {
    MetricSchedule s =
        schedule(
            """
            final_metrics: [macro_f1]
            primary_metric: val_loss
            callbacks:
              EarlyStopping: {monitor: macro_f1, patience: 2}
            """);

    assertThat(s.validationEveryEpoch()).containsExactly("macro_f1");
    assertThat(s.monitored("macro_f1")).isEqualTo("val_macro_f1");
    assertThat(s.monitored("val_loss")).isEqualTo("val_loss");
    assertThat(s.monitored("loss")).as("a metric logged as written").isEqualTo("loss");
  }

  @Test
  void aFinalMetricThatMetricsAlsoListsIsLoggedOnceAsAMetric() {
    MetricSchedule s =
        schedule(
            """
            metrics: [macro_f1]
            final_metrics: [macro_f1]
            primary_metric: val_macro_f1
            """);

    assertThat(s.validationEveryEpoch()).isEmpty();
    assertThat(s.primaryMonitor()).isEqualTo("val_macro_f1");
  }

  @Test
  void aPrimaryFinalMetricWrittenWithoutValIsMonitoredOnValidation() {
    // as Musket's bengali configs write it: primary_metric: hmar_incorrect
    MetricSchedule s =
        schedule(
            """
            final_metrics: [macro_f1]
            primary_metric: macro_f1
            primary_metric_mode: max
            """);

    assertThat(s.validationEveryEpoch()).containsExactly("macro_f1");
    assertThat(s.primaryMonitor()).isEqualTo("val_macro_f1");
  }

  @Test
  void aPrimaryMetricWithoutValThatIsAMetricStaysAsWritten() {
    MetricSchedule s =
        schedule(
            """
            metrics: [categorical_accuracy]
            primary_metric: categorical_accuracy
            """);

    assertThat(s.primaryMonitor()).isEqualTo("categorical_accuracy");
  }
}
