package dev.musket.app.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musket.app.state.LogLine;
import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.DirectTaskExecutor;
import dev.musket.engine.events.TrainingEvent;
import dev.musket.engine.events.TrainingListeners;
import dev.musket.engine.experiment.ExperimentFolder;
import dev.musket.engine.experiment.SummaryStatus;
import dev.musket.engine.runtime.GpuRequest;
import dev.musket.engine.train.FitOptions;
import dev.musket.engine.train.FitResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.SetChangeListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(300)
class TrainingQueueViewModelTest {

  static final FitOptions FOLD_ZERO = new FitOptions(false, false, List.of(0), null, 2);

  @TempDir Path dir;
  final WorkbenchState state = new WorkbenchState();
  final DirectTaskExecutor executor = new DirectTaskExecutor();
  final List<TrainingEvent> delivered = new ArrayList<>();

  @BeforeEach
  void noProjectYet() {
    assertThat(state.project()).isNull();
  }

  private TrainingQueueViewModel queue(FitLauncher launcher) {
    TrainingQueueViewModel queue = new TrainingQueueViewModel(state, executor, launcher);
    queue.subscribe(delivered::addAll);
    return queue;
  }

  private List<String> log() {
    return state.log().stream().map(l -> l.level() + " " + l.message()).toList();
  }

  @Test
  void runsTwoQueuedExperimentsOneAfterTheOtherWithTheRealEngine() throws IOException {
    Path project = TinyTrainingProject.create(dir, "a", "b");
    state.projectProperty().set(project);
    List<String> started = new ArrayList<>();
    state
        .runningExperiments()
        .addListener(
            (SetChangeListener<Path>)
                c -> {
                  if (c.wasAdded()) {
                    started.add(c.getElementAdded().getFileName().toString());
                    assertThat(state.runningExperiments()).hasSize(1); // one at a time
                  }
                });
    int revision = state.experimentsRevisionProperty().get();

    List<TrainingRun> runs =
        queue(new EngineFitLauncher())
            .enqueue(
                List.of(project.resolve("experiments/a"), project.resolve("experiments/b")),
                FOLD_ZERO);

    assertThat(started).containsExactly("a", "b");
    assertThat(runs).extracting(TrainingRun::status).containsOnly(RunStatus.COMPLETED);
    assertThat(state.runningExperiments()).isEmpty();
    assertThat(state.experimentsRevisionProperty().get()).isEqualTo(revision + 2);
    for (String name : List.of("a", "b")) {
      assertThat(ExperimentFolder.of(project.resolve("experiments/" + name)).readSummary())
          .get()
          .isInstanceOf(SummaryStatus.Completed.class);
    }
    assertThat(log())
        .containsSubsequence(
            "INFO a: queued",
            "INFO b: queued",
            "INFO a: training started (folds [0], 2 workers)",
            "INFO a: completed",
            "INFO b: training started (folds [0], 2 workers)",
            "INFO b: completed");
    // the events reached the subscribers, each run's in order
    assertThat(delivered)
        .filteredOn(
            e -> e instanceof TrainingEvent.RunStarted || e instanceof TrainingEvent.RunFinished)
        .extracting(e -> e.getClass().getSimpleName() + " " + e.experiment())
        .containsExactly("RunStarted a", "RunFinished a", "RunStarted b", "RunFinished b");
    assertThat(runs.get(1).fractionProperty().get()).isEqualTo(1.0);
  }

  @Test
  void cancellingTheRunningExperimentStopsItAndMarksItCancelled() throws IOException {
    Path project = TinyTrainingProject.create(dir, "a");
    state.projectProperty().set(project);
    List<TrainingQueueViewModel> holder = new ArrayList<>();
    FitLauncher engine = new EngineFitLauncher();
    TrainingQueueViewModel queue =
        queue(
            (p, name, options, listener, token) ->
                engine.fit(
                    p,
                    name,
                    options,
                    TrainingListeners.of(
                        listener,
                        event -> {
                          if (event instanceof TrainingEvent.BatchEnded) {
                            // the user presses Cancel during the first batches
                            holder.get(0).cancel(holder.get(0).currentProperty().get());
                          }
                        }),
                    token));
    holder.add(queue);

    TrainingRun run = queue.enqueue(project.resolve("experiments/a"), FOLD_ZERO);

    assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(run.messageProperty().get()).isEqualTo("cancelled by the user");
    assertThat(ExperimentFolder.of(run.experimentDir()).readSummary())
        .contains(new SummaryStatus.Cancelled());
    assertThat(state.runningExperiments()).isEmpty();
    assertThat(queue.canCancelProperty().get()).isFalse();
    queue.enqueue(project.resolve("experiments/a"), FOLD_ZERO); // cancelled again at once
    assertThat(queue.canCancelProperty().get()).isFalse();
    assertThat(log()).contains("INFO a: cancelling", "INFO a: cancelled");
  }

  @Test
  void cancellingAQueuedExperimentMeansItNeverStarts() throws IOException {
    Path project = TinyTrainingProject.create(dir, "a", "b", "c");
    state.projectProperty().set(project);
    List<String> launched = new ArrayList<>();
    List<TrainingQueueViewModel> holder = new ArrayList<>();
    TrainingQueueViewModel queue =
        queue(
            (p, name, options, listener, token) -> {
              launched.add(name);
              if (name.equals("a")) {
                TrainingRun b = holder.get(0).runs().get(1);
                assertThat(b.status()).isEqualTo(RunStatus.QUEUED);
                holder.get(0).cancel(b);
              }
              return new FitResult(FitResult.Outcome.COMPLETED, List.of(), null);
            });
    holder.add(queue);

    List<TrainingRun> runs =
        queue.enqueue(
            List.of(
                project.resolve("experiments/a"),
                project.resolve("experiments/b"),
                project.resolve("experiments/c")),
            FOLD_ZERO);

    assertThat(launched).containsExactly("a", "c");
    assertThat(runs)
        .extracting(TrainingRun::status)
        .containsExactly(RunStatus.COMPLETED, RunStatus.CANCELLED, RunStatus.COMPLETED);
    assertThat(log()).contains("INFO b: removed from the queue");
  }

  @Test
  void anEnginesNoticeIsLoggedAsAWarningAndTheGpuFlagsAreShownAtTheStart() throws IOException {
    Path project = TinyTrainingProject.create(dir, "a");
    state.projectProperty().set(project);
    TrainingQueueViewModel queue =
        queue(
            (p, name, options, listener, token) -> {
              listener.onEvent(new TrainingEvent.RunStarted(name, 1, 1));
              listener.onEvent(
                  new TrainingEvent.Notice(name, options.gpus().describe() + " ignored"));
              return new FitResult(FitResult.Outcome.COMPLETED, List.of(), null);
            });

    queue.enqueue(project.resolve("experiments/a"), FOLD_ZERO.withGpus(new GpuRequest(2, 1)));

    assertThat(log())
        .containsSubsequence(
            "INFO a: training started (folds [0], 2 workers, --num_gpus 2 --gpus_per_net 1)",
            "WARN a: --num_gpus 2 --gpus_per_net 1 ignored",
            "INFO a: completed");
  }

  @Test
  void aFailedRunShowsItsMessageAndTheNextOneStillRuns() throws IOException {
    Path project = TinyTrainingProject.create(dir, "a", "b");
    state.projectProperty().set(project);
    TrainingQueueViewModel queue =
        queue(
            (p, name, options, listener, token) -> {
              if (name.equals("a")) {
                throw new IllegalStateException("out of memory on the loader");
              }
              return new FitResult(FitResult.Outcome.FAILED, List.of(), "NaN loss");
            });

    List<TrainingRun> runs =
        queue.enqueue(
            List.of(project.resolve("experiments/a"), project.resolve("experiments/b")), FOLD_ZERO);

    assertThat(runs).extracting(TrainingRun::status).containsOnly(RunStatus.FAILED);
    assertThat(runs.get(0).messageProperty().get()).contains("out of memory on the loader");
    assertThat(runs.get(1).messageProperty().get()).isEqualTo("NaN loss");
    assertThat(state.log())
        .filteredOn(l -> l.level() == LogLine.Level.ERROR)
        .extracting(LogLine::message)
        .containsExactly(
            "a: failed: java.lang.IllegalStateException: out of memory on the loader",
            "b: failed: NaN loss");
  }

  @Test
  void cancellingTheTaskFromTheTaskListCancelsTheRunAndTheQueueGoesOn() throws IOException {
    Path project = TinyTrainingProject.create(dir, "a", "b");
    state.projectProperty().set(project);
    TrainingQueueViewModel queue =
        queue(
            (p, name, options, listener, token) -> {
              if (name.equals("a")) {
                executor.activeTasks().get(0).cancel(); // the status bar's stop button
              }
              listener.onEvent(new TrainingEvent.RunStarted(name, 1, 1));
              return new FitResult(
                  token.isCancelled() ? FitResult.Outcome.CANCELLED : FitResult.Outcome.COMPLETED,
                  List.of(),
                  null);
            });

    List<TrainingRun> runs =
        queue.enqueue(
            List.of(project.resolve("experiments/a"), project.resolve("experiments/b")), FOLD_ZERO);

    assertThat(runs)
        .extracting(TrainingRun::status)
        .containsExactly(RunStatus.CANCELLED, RunStatus.COMPLETED);
    assertThat(runs.get(0).messageProperty().get()).isEqualTo("cancelled from the task list");
    assertThat(state.runningExperiments()).isEmpty();
  }

  @Test
  void aConfigWithErrorsIsRefusedWithItsDiagnostics() throws IOException {
    Path project = TinyTrainingProject.create(dir);
    TinyTrainingProject.experiment(
        project, "broken", TinyTrainingProject.CONFIG.replace("batch: 4", "batch: many"));
    state.projectProperty().set(project);

    TrainingRun run =
        queue(new EngineFitLauncher()).enqueue(project.resolve("experiments/broken"), FOLD_ZERO);

    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.messageProperty().get())
        .startsWith("the config has errors; not trained; ")
        .contains("batch");
  }

  @Test
  void aFolderOutsideTheProjectIsRefusedAndNothingIsQueued() throws IOException {
    Path project = TinyTrainingProject.create(dir.resolve("p"), "a");
    state.projectProperty().set(project);
    TrainingQueueViewModel queue = queue(new EngineFitLauncher());

    assertThatThrownBy(() -> queue.enqueue(dir.resolve("elsewhere"), FOLD_ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not an experiment of this project");
    assertThat(queue.runs()).isEmpty();
  }
}
