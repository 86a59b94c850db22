package dev.musket.app.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musket.engine.runtime.GpuRequest;
import dev.musket.engine.train.FitOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchOptionsViewModelTest {

  final LaunchOptionsViewModel model = new LaunchOptionsViewModel("exp", 5, false);

  @Test
  void theDefaultsTrainAllFoldsFromScratchWithOneWorkerPerCore() {
    assertThat(model.problems()).isEmpty();
    assertThat(model.validProperty().get()).isTrue();
    assertThat(model.toFitOptions()).isEqualTo(FitOptions.defaults());
  }

  @Test
  void everyOptionMapsToFitOptions() {
    model.allFoldsProperty().set(false);
    model.foldsProperty().set("3, 0 1-2");
    model.allowResumeProperty().set(true);
    model.onlyReportProperty().set(true);
    model.workersProperty().set(" 3 ");
    model.timeLimitProperty().set("1h30m");

    assertThat(model.toFitOptions())
        .isEqualTo(new FitOptions(true, true, List.of(0, 1, 2, 3), Duration.ofMinutes(90), 3));
  }

  @Test
  void timeLimitsAreReadAsSecondsClockOrUnits() {
    for (var c :
        List.of(
            List.of("3600", "PT1H"),
            List.of("45m", "PT45M"),
            List.of("1:30:05", "PT1H30M5S"),
            List.of("2h 10s", "PT2H10S"),
            List.of("1:30", "PT1H30M"))) {
      model.timeLimitProperty().set(c.get(0));
      assertThat(model.toFitOptions().timeLimit()).hasToString(c.get(1));
    }
  }

  @Test
  void badInputIsListedFieldByFieldAndBlocksTheLaunch() {
    model.allFoldsProperty().set(false);
    model.foldsProperty().set("0,x,7");
    model.workersProperty().set("0");
    model.timeLimitProperty().set("soon");

    assertThat(model.problems())
        .containsExactly(
            "Folds: 'x' is not a fold number; write folds as 0,2 or 1-3",
            "Folds: fold 7 does not exist; this experiment has folds 0..4",
            "Workers: '0' is not a whole number of at least 1",
            "Time limit: 'soon' is not a duration; write seconds (3600), 1h30m, 45m or 1:30:00");
    assertThat(model.validProperty().get()).isFalse();
    assertThatThrownBy(model::toFitOptions).isInstanceOf(IllegalStateException.class);

    model.foldsProperty().set("0-99999999");
    assertThat(model.problems())
        .startsWith("Folds: fold 99999999 does not exist; this experiment has folds 0..4");
    model.foldsProperty().set("");
    assertThat(model.problems())
        .contains("Folds: list the folds to train (e.g. 0,2) or choose all folds");
    model.allFoldsProperty().set(true);
    model.workersProperty().set("2");
    model.timeLimitProperty().set("0");
    assertThat(model.problems())
        .containsExactly("Time limit: must be more than zero; leave it empty for no limit");
    model.timeLimitProperty().set("99999999999999999999");
    assertThat(model.problems()).singleElement().asString().contains("is not a duration");
    model.timeLimitProperty().set("");
    assertThat(model.validProperty().get()).isTrue();
  }

  @Test
  void withoutAGpuBackendTheGpuFieldsAreIgnoredAndExplained() {
    model.numGpusProperty().set("lots");
    assertThat(model.gpuAvailable()).isFalse();
    assertThat(model.problems()).isEmpty();
    assertThat(model.gpuNote()).contains("runs on the CPU");
  }

  @Test
  void withAGpuBackendTheGpuCountsAreChecked() {
    LaunchOptionsViewModel gpu = new LaunchOptionsViewModel("exp", 0, true);
    gpu.numGpusProperty().set("2");
    gpu.gpusPerNetProperty().set("4");
    assertThat(gpu.problems())
        .containsExactly("GPUs per network: 4 is more than the 2 GPUs to use");
    gpu.numGpusProperty().set("");
    assertThat(gpu.problems()).containsExactly("GPUs: '' is not a whole number of at least 1");
    // with the fold count unknown, any fold number is accepted (the engine checks it)
    gpu.numGpusProperty().set("4");
    gpu.allFoldsProperty().set(false);
    gpu.foldsProperty().set("9");
    assertThat(gpu.toFitOptions().folds()).containsExactly(9);
  }

  @Test
  void theGpuFieldsReachTheFitOptionsOnlyWhenTheBuildCanUseThem() {
    LaunchOptionsViewModel gpu = new LaunchOptionsViewModel("exp", 0, true);
    gpu.numGpusProperty().set("2");
    gpu.gpusPerNetProperty().set("1");
    assertThat(gpu.toFitOptions().gpus()).isEqualTo(new GpuRequest(2, 1));

    model.numGpusProperty().set("2");
    assertThat(model.toFitOptions().gpus()).isEqualTo(GpuRequest.NONE);
  }
}
