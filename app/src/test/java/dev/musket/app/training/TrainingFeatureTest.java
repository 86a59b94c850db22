package dev.musket.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.app.state.OpenConfig;
import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.FxTaskExecutor;
import dev.musket.engine.events.TrainingEvent;
import dev.musket.engine.train.FitOptions;
import dev.musket.engine.train.FitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** "run.fit" as the shell calls it: target, dialog, queue. */
@Timeout(60)
class TrainingFeatureTest {

  @TempDir Path dir;
  final FxRobot robot = new FxRobot();
  final FxTaskExecutor executor = new FxTaskExecutor();
  final WorkbenchState state = new WorkbenchState();
  final List<String> launched = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @AfterEach
  void close() throws Exception {
    executor.close();
    FxToolkit.cleanupStages();
  }

  private TrainingFeature feature() {
    return new TrainingFeature(
        state,
        executor,
        (project, name, options, listener, token) -> {
          launched.add(name + " " + options.folds());
          listener.onEvent(new TrainingEvent.RunStarted(name, 1, 1));
          return new FitResult(FitResult.Outcome.COMPLETED, List.of(), null);
        });
  }

  @Test
  void theLaunchTargetIsTheSelectedExperimentElseTheOneInTheActiveEditor() throws Exception {
    Path project = TinyTrainingProject.create(dir, "a", "b");
    TrainingFeature feature = feature();
    assertThat(feature.canLaunchProperty().get()).isFalse();

    state.projectProperty().set(project);
    state.activeConfigProperty().set(config(project.resolve("experiments/b/config.yaml"), "x"));
    assertThat(feature.launchTargetProperty().get()).isEqualTo(project.resolve("experiments/b"));
    state.selectedExperimentProperty().set(project.resolve("experiments/a"));
    assertThat(feature.launchTargetProperty().get()).isEqualTo(project.resolve("experiments/a"));
    state.selectedExperimentProperty().set(project.resolve("data"));
    state.activeConfigProperty().set(config(project.resolve("common.yaml"), ""));
    assertThat(feature.canLaunchProperty().get()).isFalse();
  }

  @Test
  void launchingWarnsAboutUnsavedChangesAndQueuesTheChosenFolds() throws Exception {
    Path project = TinyTrainingProject.create(dir, "a");
    Path configFile = project.resolve("experiments/a/config.yaml");
    AtomicReference<TrainingFeature> feature = new AtomicReference<>();
    robot.interact(
        () -> {
          state.projectProperty().set(project);
          state.activeConfigProperty().set(config(configFile, "batch: 8\n"));
          feature.set(feature());
          feature.get().openLaunchDialog(null);
        });
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> robot.lookup(".launch-notice").tryQuery().isPresent());
    assertThat(robot.lookup(".launch-notice").queryAs(Label.class).getText())
        .startsWith("The editor has unsaved changes");
    assertThat(Files.readString(configFile)).isEqualTo(TinyTrainingProject.CONFIG);

    robot.clickOn("All folds").clickOn(".launch-folds").write("1");
    robot.clickOn("Launch");
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () ->
            !feature.get().queue().runs().isEmpty()
                && feature.get().queue().runs().get(0).status() == RunStatus.COMPLETED);
    assertThat(launched).containsExactly("a [1]");
    assertThat(feature.get().charts().experimentProperty().get())
        .isEqualTo(project.resolve("experiments/a"));
    assertThat(feature.get().queue().runs().get(0).options())
        .isEqualTo(
            new FitOptions(
                false, false, List.of(1), null, Runtime.getRuntime().availableProcessors()));
  }

  @Test
  void theQueueViewCancelsAQueuedAndTheRunningExperiment() throws Exception {
    Path project = TinyTrainingProject.create(dir, "a", "b");
    CountDownLatch started = new CountDownLatch(1);
    AtomicReference<TrainingFeature> feature = new AtomicReference<>();
    FxToolkit.setupStage(
        stage -> {
          state.projectProperty().set(project);
          feature.set(
              new TrainingFeature(
                  state,
                  executor,
                  (p, name, options, listener, token) -> {
                    launched.add(name);
                    listener.onEvent(new TrainingEvent.RunStarted(name, 1, 1));
                    started.countDown();
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                    while (!token.isCancelled() && System.nanoTime() < until) {
                      Thread.sleep(10); // a batch
                    }
                    return new FitResult(FitResult.Outcome.CANCELLED, List.of(), null);
                  }));
          stage.setScene(new Scene(feature.get().queueView(), 600, 400));
          stage.show();
        });
    robot.interact(
        () ->
            feature
                .get()
                .queue()
                .enqueue(
                    List.of(project.resolve("experiments/a"), project.resolve("experiments/b")),
                    FitOptions.defaults()));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    List<TrainingRun> runs = feature.get().queue().runs();

    robot.clickOn(cancelButtonOf(runs.get(1)));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(runs.get(1).status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(runs.get(0).status()).isEqualTo(RunStatus.RUNNING);
    robot.clickOn(cancelButtonOf(runs.get(0)));
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> runs.get(0).status() == RunStatus.CANCELLED);

    assertThat(launched).containsExactly("a");
    assertThat(state.runningExperiments()).isEmpty();
    assertThat(robot.lookup(".training-cancel-all").queryButton().isDisabled()).isTrue();
  }

  /** The Cancel button in the queue row showing {@code run}. */
  private Button cancelButtonOf(TrainingRun run) {
    return robot.lookup(".training-run-cancel").queryAllAs(Button.class).stream()
        .filter(b -> rowOf(b) != null && rowOf(b).getItem() == run)
        .findFirst()
        .orElseThrow();
  }

  private static ListCell<?> rowOf(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (n instanceof ListCell<?> cell) {
        return cell;
      }
    }
    return null;
  }

  private static OpenConfig config(Path file, String text) {
    SimpleStringProperty property = new SimpleStringProperty(text);
    return new OpenConfig() {
      @Override
      public Path file() {
        return file;
      }

      @Override
      public ObservableValue<String> text() {
        return property;
      }

      @Override
      public void replace(int start, int end, String replacement) {
        property.set(
            property.get().substring(0, start) + replacement + property.get().substring(end));
      }
    };
  }
}
