package dev.musket.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.DirectTaskExecutor;
import dev.musket.engine.events.TrainingEvent;
import dev.musket.engine.train.FitOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(300)
class TrainingChartViewModelTest {

  @TempDir Path dir;
  final WorkbenchState state = new WorkbenchState();
  final DirectTaskExecutor executor = new DirectTaskExecutor();

  static List<TrainingEvent> twoEpochs(String name) {
    return List.of(
        new TrainingEvent.RunStarted(name, 1, 1),
        new TrainingEvent.FoldStarted(name, 0),
        new TrainingEvent.StageStarted(name, 0, 0, 5, 0, 0.01),
        new TrainingEvent.BatchEnded(name, 0, 0, 0, 0, 1.0, 0.01, 100),
        new TrainingEvent.BatchEnded(name, 0, 0, 0, 1, 0.5, 0.01, 100),
        new TrainingEvent.EpochEnded(
            name,
            0,
            0,
            0,
            Map.of("loss", 0.8, "val_loss", 0.9, "lr", 0.01, "acc", 0.5, "val_acc", Double.NaN)),
        new TrainingEvent.CheckpointSaved(name, 0, 0, 0, "val_loss", 0.9, "w"),
        new TrainingEvent.BatchEnded(name, 0, 0, 1, 0, 0.25, 0.01, 100),
        new TrainingEvent.EpochEnded(
            name, 0, 0, 1, Map.of("loss", 0.4, "val_loss", 0.7, "lr", 0.005, "acc", 0.75)),
        new TrainingEvent.CheckpointSaved(name, 0, 0, 1, "val_loss", 0.7, "w"),
        new TrainingEvent.EarlyStopped(name, 0, 0, 1, "val_loss", 0.7));
  }

  @Test
  void liveEventsBecomeOneSeriesPerFoldStageAndRoleWithMarkers() throws IOException {
    state.projectProperty().set(Files.createDirectories(dir.resolve("p")));
    TrainingChartViewModel model = new TrainingChartViewModel(state, executor);
    int before = model.revisionProperty().get();

    model.accept(twoEpochs("exp"));

    // nothing was selected, so the chart follows the run that started
    assertThat(model.experimentProperty().get()).isEqualTo(dir.resolve("p/experiments/exp"));
    assertThat(model.revisionProperty().get()).isGreaterThan(before);
    ChartData data = model.dataProperty().get();
    assertThat(data.charts())
        .extracting(ChartData.Chart::id)
        .containsExactly("loss", "acc", "batch loss", "lr");
    assertThat(points(data.chart("loss")))
        .containsEntry("0.0 train", List.of(0.0, 0.8, 1.0, 0.4))
        .containsEntry("0.0 val", List.of(0.0, 0.9, 1.0, 0.7));
    // NaN is a gap, not a point
    assertThat(points(data.chart("acc"))).containsOnlyKeys("0.0 train");
    assertThat(points(data.chart("lr"))).containsEntry("0.0 lr", List.of(0.0, 0.01, 1.0, 0.005));
    // per-batch loss against the iteration, with its moving average
    Map<String, List<Double>> batches = points(data.chart("batch loss"));
    assertThat(batches.get("0.0 raw")).containsExactly(1.0, 1.0, 2.0, 0.5, 3.0, 0.25);
    assertThat(batches.get("0.0 smoothed").get(3)).isCloseTo(0.95, within());
    assertThat(batches.get("0.0 smoothed").get(5)).isCloseTo(0.88, within());
    assertThat(data.chart("batch loss").perBatch()).isTrue();
    // the best marker moved to the last checkpoint; the early stop is marked where it happened
    assertThat(data.markers())
        .containsExactly(
            new EpochMarker(EpochMarker.Kind.BEST, 0, 0, 1),
            new EpochMarker(EpochMarker.Kind.EARLY_STOP, 0, 0, 1));
  }

  @Test
  void eventsOfAnotherExperimentDoNotTouchTheShownCharts() throws IOException {
    Path project = Files.createDirectories(dir.resolve("p"));
    state.projectProperty().set(project);
    TrainingChartViewModel model = new TrainingChartViewModel(state, executor);
    state.selectedExperimentProperty().set(project.resolve("experiments/other"));
    int revision = model.revisionProperty().get();

    model.accept(twoEpochs("exp"));

    assertThat(model.experimentProperty().get()).isEqualTo(project.resolve("experiments/other"));
    assertThat(model.revisionProperty().get()).isEqualTo(revision);
    assertThat(model.dataProperty().get().pointCount()).isZero();
    assertThat(model.messageProperty().get()).isEqualTo("No metrics yet: not trained");

    // selecting the one that trained shows its live charts
    state.selectedExperimentProperty().set(project.resolve("experiments/exp"));
    assertThat(model.dataProperty().get().pointCount()).isEqualTo(14);
  }

  @Test
  void aFinishedRunsMetricsCsvsLoadIntoTheSameSeriesAsItsLiveEvents() throws IOException {
    Path project = TinyTrainingProject.create(dir, "a");
    state.projectProperty().set(project);
    TrainingChartViewModel liveModel = new TrainingChartViewModel(state, executor);
    TrainingQueueViewModel queue =
        new TrainingQueueViewModel(state, executor, new EngineFitLauncher());
    queue.subscribe(liveModel::accept);

    queue.enqueue(project.resolve("experiments/a"), TrainingQueueViewModelTest.FOLD_ZERO);

    ChartData live = liveModel.dataProperty().get();
    assertThat(live.chart("batch loss").series()).isNotEmpty();
    TrainingChartViewModel later = new TrainingChartViewModel(new WorkbenchState(), executor);
    later.show(project.resolve("experiments/a"));
    ChartData loaded = later.dataProperty().get();

    assertThat(loaded.charts())
        .extracting(ChartData.Chart::id)
        .containsExactly("loss", "binary_accuracy", "lr");
    for (String chart : List.of("loss", "binary_accuracy", "lr")) {
      assertThat(points(loaded.chart(chart))).isEqualTo(points(live.chart(chart)));
    }
    assertThat(points(loaded.chart("loss")).get("0.0 val")).hasSize(4); // two epochs
    assertThat(loaded.markers())
        .filteredOn(m -> m.kind() == EpochMarker.Kind.BEST)
        .isEqualTo(live.markers());
    assertThat(later.messageProperty().get()).isEmpty();
  }

  @Test
  void aCyclicLrAndLogAllRunShowsPerBatchLrLiveAndFromItsFiles() throws IOException {
    Path project = TinyTrainingProject.create(dir);
    TinyTrainingProject.experiment(
        project,
        "cyclic",
        TinyTrainingProject.CONFIG
            .replace("  - epochs: 2\n", "  - epochs: 2\n    logAll: true\n")
            .replace(
                "stages:",
                "callbacks:\n  CyclicLR: {base_lr: 0.001, max_lr: 0.01, step_size: 2}\nstages:"));
    state.projectProperty().set(project);
    TrainingChartViewModel liveModel = new TrainingChartViewModel(state, executor);
    TrainingQueueViewModel queue =
        new TrainingQueueViewModel(state, executor, new EngineFitLauncher());
    queue.subscribe(liveModel::accept);

    TrainingRun run =
        queue.enqueue(project.resolve("experiments/cyclic"), TrainingQueueViewModelTest.FOLD_ZERO);

    assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
    ChartData live = liveModel.dataProperty().get();
    assertThat(live.charts())
        .extracting(ChartData.Chart::id)
        .containsExactly("loss", "binary_accuracy", "batch loss", "lr", "batch lr");
    List<Double> lrs = points(live.chart("batch lr")).get("0.0 lr");
    assertThat(lrs.size() / 2).isEqualTo(live.chart("batch loss").series().get(0).size());
    // the engine does not write the per-batch log (logAll) yet; one as Musket's AllLogger
    // would have left it loads into the same per-batch charts
    Files.writeString(
        project.resolve("experiments/cyclic/metrics/metrics-0.0.csvall.csv"),
        "epoch,batch,loss,lr\n0,0,0.9,0.001\n0,1,0.7,0.0055\n1,0,0.5,0.01\n");
    TrainingChartViewModel later = new TrainingChartViewModel(new WorkbenchState(), executor);
    later.show(project.resolve("experiments/cyclic"));
    ChartData loaded = later.dataProperty().get();
    for (String chart : List.of("loss", "binary_accuracy", "lr")) {
      assertThat(points(loaded.chart(chart))).as(chart).isEqualTo(points(live.chart(chart)));
    }
    assertThat(points(loaded.chart("batch loss")).get("0.0 raw"))
        .containsExactly(1.0, 0.9, 2.0, 0.7, 3.0, 0.5);
    assertThat(points(loaded.chart("batch lr")).get("0.0 lr"))
        .containsExactly(1.0, 0.001, 2.0, 0.0055, 3.0, 0.01);
  }

  @Test
  void aResumedRunsChartsKeepTheEpochsTrainedBeforeTheResume() throws IOException {
    Path project = TinyTrainingProject.create(dir, "a");
    state.projectProperty().set(project);
    TrainingChartViewModel model = new TrainingChartViewModel(state, executor);
    TrainingQueueViewModel queue =
        new TrainingQueueViewModel(state, executor, new EngineFitLauncher());
    queue.subscribe(model::accept);
    Path exp = project.resolve("experiments/a");
    // a time limit of zero stops after the first epoch, resumable
    TrainingRun first =
        queue.enqueue(exp, new FitOptions(false, false, List.of(0), Duration.ZERO, 2));
    assertThat(first.status()).isEqualTo(RunStatus.TIME_UP);
    assertThat(points(model.dataProperty().get().chart("loss")).get("0.0 train")).hasSize(2);

    TrainingRun resumed = queue.enqueue(exp, new FitOptions(true, false, List.of(0), null, 2));

    assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
    ChartData live = model.dataProperty().get();
    assertThat(points(live.chart("loss")).get("0.0 train")).hasSize(4).startsWith(0.0);
    TrainingChartViewModel later = new TrainingChartViewModel(new WorkbenchState(), executor);
    later.show(exp);
    assertThat(points(later.dataProperty().get().chart("loss")))
        .isEqualTo(points(live.chart("loss")));
  }

  @Test
  void anEarlyStopIsMarkedLiveAndInferredTheSameFromTheFiles() throws IOException {
    Path project = TinyTrainingProject.create(dir);
    TinyTrainingProject.experiment(
        project,
        "early",
        TinyTrainingProject.CONFIG
            .replace("  - epochs: 2\n", "  - epochs: 5\n")
            // no epoch can improve by 100: it stops after the second
            .replace(
                "stages:",
                "callbacks:\n  EarlyStopping: {patience: 1, monitor: val_loss, min_delta: 100}\n"
                    + "stages:"));
    state.projectProperty().set(project);
    TrainingChartViewModel live = new TrainingChartViewModel(state, executor);
    TrainingQueueViewModel queue =
        new TrainingQueueViewModel(state, executor, new EngineFitLauncher());
    queue.subscribe(live::accept);

    queue.enqueue(project.resolve("experiments/early"), TrainingQueueViewModelTest.FOLD_ZERO);

    List<EpochMarker> liveMarkers = live.dataProperty().get().markers();
    assertThat(liveMarkers).contains(new EpochMarker(EpochMarker.Kind.EARLY_STOP, 0, 0, 1));
    TrainingChartViewModel later = new TrainingChartViewModel(new WorkbenchState(), executor);
    later.show(project.resolve("experiments/early"));
    assertThat(later.dataProperty().get().markers())
        .containsExactlyInAnyOrderElementsOf(liveMarkers);
  }

  /** Each series' points as x0, y0, x1, y1, ... by key. */
  static Map<String, List<Double>> points(ChartData.Chart chart) {
    Map<String, List<Double>> out = new LinkedHashMap<>();
    for (ChartSeries s : chart.series()) {
      Double[] xy = new Double[s.size() * 2];
      for (int i = 0; i < s.size(); i++) {
        xy[2 * i] = s.x(i);
        xy[2 * i + 1] = s.y(i);
      }
      out.put(s.key(), List.of(xy));
    }
    return out;
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
