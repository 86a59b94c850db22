package dev.musket.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.FxTaskExecutor;
import dev.musket.engine.events.TrainingEvent;
import dev.musket.engine.train.FitOptions;
import dev.musket.engine.train.FitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The chart view in a real window: points arrive through the queue's 10 Hz pulse while a run
 * streams events from its background thread, and the charts export as PNG and SVG.
 */
@Timeout(120)
class TrainingChartViewTest {

  static final int EPOCHS = 10;
  static final int BATCHES = 20;

  @TempDir Path dir;
  final FxRobot robot = new FxRobot();
  final FxTaskExecutor executor = new FxTaskExecutor();

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @AfterEach
  void close() throws Exception {
    executor.close();
    FxToolkit.cleanupStages();
  }

  /** A run that streams batches and epochs, pausing halfway until the test lets it go on. */
  static FitLauncher streaming(CountDownLatch halfway, CountDownLatch goOn) {
    return (project, name, options, listener, token) -> {
      listener.onEvent(new TrainingEvent.RunStarted(name, 1, 1));
      listener.onEvent(new TrainingEvent.FoldStarted(name, 0));
      listener.onEvent(new TrainingEvent.StageStarted(name, 0, 0, EPOCHS, 0, 0.01));
      for (int epoch = 0; epoch < EPOCHS; epoch++) {
        if (epoch == EPOCHS / 2) {
          halfway.countDown();
          goOn.await(30, TimeUnit.SECONDS);
        }
        listener.onEvent(new TrainingEvent.EpochStarted(name, 0, 0, epoch));
        for (int b = 0; b < BATCHES; b++) {
          listener.onEvent(
              new TrainingEvent.BatchEnded(name, 0, 0, epoch, b, 1.0 / (epoch + 1 + b), 0.01, 50));
        }
        double loss = 1.0 / (epoch + 1);
        listener.onEvent(
            new TrainingEvent.EpochEnded(
                name,
                0,
                0,
                epoch,
                Map.of("loss", loss, "val_loss", loss * 1.1, "lr", 0.01, "acc", 1 - loss / 2)));
        listener.onEvent(new TrainingEvent.CheckpointSaved(name, 0, 0, epoch, "val_loss", 0, ""));
        Thread.sleep(20);
      }
      listener.onEvent(new TrainingEvent.RunFinished(name));
      return new FitResult(FitResult.Outcome.COMPLETED, List.of(), null);
    };
  }

  @Test
  void theChartsGainPointsWhileARunStreamsEventsAndExportAsPngAndSvg() throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    CountDownLatch halfway = new CountDownLatch(1);
    CountDownLatch goOn = new CountDownLatch(1);
    WorkbenchState state = new WorkbenchState();
    AtomicReference<TrainingFeature> feature = new AtomicReference<>();
    AtomicReference<TrainingChartView> view = new AtomicReference<>();
    FxToolkit.setupStage(
        stage -> {
          state.projectProperty().set(project);
          feature.set(new TrainingFeature(state, executor, streaming(halfway, goOn)));
          view.set(feature.get().chartView());
          stage.setScene(
              new Scene(new SplitPane(feature.get().queueView(), view.get()), 1200, 700));
          stage.show();
        });
    AtomicReference<TrainingRun> run = new AtomicReference<>();
    robot.interact(
        () ->
            run.set(
                feature
                    .get()
                    .queue()
                    .enqueue(project.resolve("experiments/exp"), FitOptions.defaults())));

    assertThat(halfway.await(30, TimeUnit.SECONDS)).isTrue();
    AtomicInteger midway = new AtomicInteger();
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () -> {
          midway.set(fx(() -> view.get().plottedPoints()));
          // five epochs: 4 epoch series x 5 + 2 batch series x 100
          return midway.get() == 5 * 4 + 5 * BATCHES * 2;
        });
    assertThat(fx(() -> view.get().chartIds())).containsExactly("loss", "acc", "batch loss", "lr");
    assertThat(fx(() -> run.get().progressProperty().get()))
        .startsWith("fold 0 (1 of 1) \u00b7 stage 1/1 \u00b7 epoch 5/10");
    // the status bar's task shows the same progress
    assertThat(
            fx(
                () ->
                    executor.activeTasks().stream()
                        .filter(t -> t.title().equals("Training exp"))
                        .findFirst()
                        .orElseThrow()
                        .messageProperty()
                        .get()))
        .startsWith("fold 0 (1 of 1) \u00b7 stage 1/1 \u00b7 epoch 5/10");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup(".training-run-status").queryAs(Label.class).getText())
        .isEqualTo("running");
    assertThat(robot.lookup(".training-run-detail").queryAs(Label.class).getText())
        .startsWith("fold 0 (1 of 1)");

    goOn.countDown();
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> fx(() -> run.get().status()) == RunStatus.COMPLETED);
    int all = EPOCHS * 4 + EPOCHS * BATCHES * 2;
    assertThat(fx(() -> view.get().plottedPoints())).isEqualTo(all).isGreaterThan(midway.get());
    assertThat(state.runningExperiments()).isEmpty();
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup(".training-run-status").queryAs(Label.class).getText())
        .isEqualTo("completed");

    // log scale swaps the loss axes only
    robot.clickOn(".training-log-scale");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup(".training-log-scale").queryAs(CheckBox.class).isSelected()).isTrue();
    assertThat(fx(() -> rangeAxisIsLog(view.get(), "loss"))).isTrue();
    assertThat(fx(() -> rangeAxisIsLog(view.get(), "acc"))).isFalse();

    Path out = dir.resolve("export");
    List<Path> png = fx(() -> view.get().exportAll(out, ChartExport.Format.PNG));
    List<Path> svg = fx(() -> view.get().exportAll(out, ChartExport.Format.SVG));
    assertThat(png).extracting(p -> p.getFileName().toString()).contains("exp-loss.png");
    assertThat(svg).hasSize(4).allSatisfy(p -> assertThat(p).content().contains("<svg"));
    for (Path p : png) {
      byte[] bytes = Files.readAllBytes(p);
      assertThat(bytes).hasSizeGreaterThan(1000);
      assertThat(new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("PNG");
    }
  }

  private static boolean rangeAxisIsLog(TrainingChartView view, String chart) {
    return view.liveChart(chart).chart().getPlot() instanceof XYPlot plot
        && plot.getRangeAxis() instanceof LogarithmicAxis;
  }

  interface FxCall<T> {
    T call() throws Exception;
  }

  private static <T> T fx(FxCall<T> call) throws Exception {
    return WaitForAsyncUtils.asyncFx(call::call).get(10, TimeUnit.SECONDS);
  }
}
