package dev.musket.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.app.experiments.ExperimentRow;
import dev.musket.app.lrfinder.LrFinderView;
import dev.musket.app.shell.Features;
import dev.musket.app.shell.WorkbenchSettings;
import dev.musket.app.shell.WorkbenchWindow;
import dev.musket.app.state.ExperimentStatus;
import dev.musket.app.task.FxTaskExecutor;
import dev.musket.app.theme.Theme;
import dev.musket.app.training.TrainingChartView;
import dev.musket.editor.YamlEditor;
import dev.musket.editor.diagnostics.Problem;
import dev.musket.editor.diagnostics.ProblemLevel;
import dev.musket.editor.ui.FxPauseMonitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench as a user meets it, in a real window: open the shapes sample, break the config and
 * see it flagged, fix it, preview augmentations, train and watch the chart fill, run the LR finder
 * and apply its suggestion, and find the experiment in the comparison table. While training runs a
 * monitor measures how long the FX thread is ever unavailable; issue 9 allows 100 ms.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class WorkbenchEndToEndTest {

  private static final Logger LOG = LoggerFactory.getLogger(WorkbenchEndToEndTest.class);
  private static final Path SAMPLE = Path.of("..", "sample-projects", "shapes");
  private static final String EXPERIMENT = "quick_cnn";

  /** The sample's quick_cnn made quicker: one split, two short epochs on 32x32 images. */
  private static final String CONFIG =
      """
      #%Musket Classification 1.0
      architecture: ShapesCNN
      classes: 3
      activation: softmax
      loss: categorical_crossentropy
      metrics: [categorical_accuracy]
      primary_metric: val_categorical_accuracy
      primary_metric_mode: max
      lr: 0.002
      batch: 8
      shape: [32, 32, 3]
      folds_count: 1
      augmentation:
        Fliplr: 0.5
        Affine:
          rotate: [-20, 20]
      stages:
        - epochs: 2
      dataset:
        image_folder: [data/images]
      """;

  @TempDir Path dir;
  private Path project;
  private FxTaskExecutor executor;
  private WorkbenchWindow window;
  private final FxRobot robot = new FxRobot();

  @BeforeEach
  void openTheSampleProject() throws Exception {
    project = dir.resolve("shapes");
    copy(SAMPLE.resolve("data"), project.resolve("data"));
    copy(SAMPLE.resolve("modules"), project.resolve("modules"));
    Files.copy(SAMPLE.resolve("common.yaml"), project.resolve("common.yaml"));
    Path config = project.resolve("experiments").resolve(EXPERIMENT).resolve("config.yaml");
    Files.createDirectories(config.getParent());
    Files.writeString(config, CONFIG);

    WorkbenchSettings settings = WorkbenchSettings.load(dir.resolve("settings.properties"));
    executor = new FxTaskExecutor();
    FxToolkit.registerPrimaryStage();
    FxToolkit.setupFixture(
        () -> {
          window = new WorkbenchWindow(new Stage(), executor, settings, () -> "CPU");
          Features.install(window);
          window.show();
          window.openProject(project);
        });
  }

  @AfterEach
  void close() throws Exception {
    FxToolkit.setupFixture(() -> window.stage().close());
    executor.close();
  }

  @Test
  void editPreviewTrainFindTheLearningRateAndCompare() throws Exception {
    assertThat(window.stage().getTitle()).isEqualTo("Musket Workbench \u2014 shapes");

    // open the experiment from the explorer
    waitFor(30, () -> robot.lookup(EXPERIMENT).tryQuery().isPresent());
    robot.clickOn(EXPERIMENT);
    waitFor(30, () -> robot.lookup(".yaml-editor").tryQuery().isPresent());
    YamlEditor editor = robot.lookup(".yaml-editor").queryAs(YamlEditor.class);
    waitFor(30, () -> editor.getText().equals(CONFIG));
    waitFor(30, () -> editor.lastAnalysisProperty().get() != null);
    assertThat(errors(editor)).isEmpty();

    // a misspelt optimizer is flagged with a suggestion; deleting it clears the flag
    robot.clickOn(editor.codeArea()).press(KeyCode.CONTROL, KeyCode.END);
    robot.release(KeyCode.END, KeyCode.CONTROL).write("optimizer: Adamm");
    waitFor(30, () -> errors(editor).anyMatch(m -> m.contains("Adamm")));
    fx(() -> window.showToolPanel(Features.PROBLEMS));
    waitFor(10, () -> robot.lookup(".problems-list .problem-error").tryQuery().isPresent());
    shoot("workbench-config-error");
    assertThat(errors(editor).filter(m -> m.contains("Adamm")))
        .allMatch(m -> m.contains("Adam"), "suggests the right name");
    for (int i = 0; i < "optimizer: Adamm".length(); i++) {
      robot.type(KeyCode.BACK_SPACE);
    }
    waitFor(30, () -> editor.getText().equals(CONFIG) && errors(editor).count() == 0);

    // augmentation preview of the editor's text: originals beside augmented variants
    fx(() -> window.actions().execute("view." + Features.AUGMENTATIONS));
    waitFor(
        60, () -> robot.lookup(".augmentation-preview .preview-augmented").queryAll().size() >= 4);
    assertThat(robot.lookup(".augmentation-preview .preview-original").queryAll()).isNotEmpty();
    shoot("workbench-augmentations");

    // launch a short training from the Run menu's shortcut and watch the chart gain points
    TrainingChartView charts = robot.lookup(".training-charts").queryAs(TrainingChartView.class);
    robot.clickOn(editor.codeArea()).press(KeyCode.CONTROL, KeyCode.R);
    robot.release(KeyCode.R, KeyCode.CONTROL);
    waitFor(30, () -> robot.lookup("Launch").tryQuery().isPresent());
    long[] ended = new long[1];
    fx(
        () ->
            window
                .state()
                .runningExperiments()
                .addListener(
                    (javafx.collections.SetChangeListener<Path>)
                        change -> {
                          if (change.wasRemoved()) {
                            ended[0] = System.currentTimeMillis();
                          }
                        }));
    robot.clickOn("Launch");
    waitFor(60, () -> window.state().runningExperiments().size() == 1);
    // from here until the run ends the engine trains in this JVM: the FX thread must stay free
    // (opening and closing the dialog before is window work, not training, and not measured)
    double longestPause;
    try (FxPauseMonitor pauses = new FxPauseMonitor()) {
      long started = System.currentTimeMillis();
      waitFor(180, () -> charts.plottedPoints() > 0);
      int early = charts.plottedPoints();
      waitFor(240, () -> window.state().runningExperiments().isEmpty());
      // the charts may reload from the metrics files once the run ends: wait for them, too
      waitFor(30, () -> charts.plottedPoints() > early);
      longestPause = pauses.longestMillis();
      LOG.info(
          "FX pause during training: longest {} ms (at +{} ms of the {} ms run), p99 {} ms, {}"
              + " pings over 50 ms of {}",
          String.format("%.1f", longestPause),
          pauses.longestPostedAtMillis() - started,
          ended[0] - started,
          String.format("%.1f", pauses.percentileMillis(0.99)),
          pauses.countOver(50),
          pauses.pings());
    }
    fx(() -> window.showToolPanel(Features.QUEUE));
    shoot("workbench-training");
    Path experiment = project.resolve("experiments").resolve(EXPERIMENT);
    assertThat(experiment.resolve("summary.yaml")).exists();
    assertThat(experiment.resolve("metrics/metrics-0.0.csv")).exists();

    // the LR finder on the editor's config; Apply writes its suggestion into the editor
    fx(() -> window.actions().execute("run.lrFinder"));
    LrFinderView finder = robot.lookup("." + LrFinderView.STYLE_CLASS).queryAs(LrFinderView.class);
    Label suggested = robot.lookup(".lr-finder-suggested").queryAs(Label.class);
    waitFor(240, () -> !robot.lookup(".lr-finder-apply").query().isDisabled());
    assertThat(finder.plottedPoints()).isPositive();
    LOG.info("LR finder: {}", suggested.getText());
    robot.clickOn(".lr-finder-apply");
    waitFor(10, () -> !editor.getText().equals(CONFIG));
    double applied = topLevelLr(editor.getText());
    assertThat(applied).isNotEqualTo(0.002).isPositive();
    assertThat(editor.getText().replaceFirst("(?m)^lr: .*$", "lr: 0.002")).isEqualTo(CONFIG);
    assertThat(experiment.resolve("lrfinder/lrfinder.csv")).exists();
    shoot("workbench-lr-finder");

    // the comparison table lists the experiment as completed, with its score
    fx(() -> window.actions().execute("view." + Features.EXPERIMENTS));
    @SuppressWarnings("unchecked")
    TableView<ExperimentRow> table = robot.lookup(".experiments-table").queryAs(TableView.class);
    waitFor(
        60,
        () ->
            table.getItems().stream()
                .anyMatch(
                    r -> r.name().equals(EXPERIMENT) && r.status() == ExperimentStatus.COMPLETED));
    ExperimentRow row =
        table.getItems().stream().filter(r -> r.name().equals(EXPERIMENT)).findFirst().get();
    assertThat(row.metrics()).containsKey("val_categorical_accuracy");
    fx(() -> table.getSelectionModel().select(row));
    // give the table room for the screenshot: the bottom area is short by default
    fx(
        () ->
            robot.lookup(".split-pane").queryAllAs(javafx.scene.control.SplitPane.class).stream()
                .filter(p -> p.getOrientation() == javafx.geometry.Orientation.VERTICAL)
                .forEach(p -> p.setDividerPositions(0.35)));
    shoot("workbench-experiments");

    // the dataset view of the selected experiment: thumbnails with labels and split badges
    fx(() -> window.actions().execute("view." + Features.DATASET));
    try {
      waitFor(
          60,
          () ->
              robot
                      .lookup(".dataset-view .thumbnail-cell .image-view")
                      .queryAllAs(javafx.scene.image.ImageView.class)
                      .stream()
                      .filter(v -> v.getImage() != null)
                      .count()
                  >= 3);
    } finally {
      shoot("workbench-dataset");
    }

    // the same window in the dark theme, on the training charts
    fx(
        () -> {
          window.setTheme(Theme.DARK);
          window.showToolPanel(Features.TRAINING);
        });
    shoot("workbench-dark");

    assertThat(longestPause).as("longest FX-thread pause during training, ms").isLessThan(100);
  }

  /**
   * Saves the window as {@code NAME.png} under {@code app/target/screenshots}, and under the folder
   * named by {@code -Dmusket.screenshots} when given (the README's screenshots come from here).
   */
  private void shoot(String name) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    javafx.scene.image.WritableImage image =
        WaitForAsyncUtils.asyncFx(() -> window.stage().getScene().snapshot(null))
            .get(10, TimeUnit.SECONDS);
    java.awt.image.BufferedImage png = javafx.embed.swing.SwingFXUtils.fromFXImage(image, null);
    List<Path> folders = new java.util.ArrayList<>(List.of(Path.of("target", "screenshots")));
    String docs = System.getProperty("musket.screenshots");
    if (docs != null) {
      folders.add(Path.of(docs));
    }
    for (Path folder : folders) {
      Files.createDirectories(folder);
      javax.imageio.ImageIO.write(png, "png", folder.resolve(name + ".png").toFile());
    }
  }

  private static Stream<String> errors(YamlEditor editor) {
    return editor.getProblems().stream()
        .filter(p -> p.level() == ProblemLevel.ERROR)
        .map(Problem::message);
  }

  private static double topLevelLr(String text) {
    Matcher m = Pattern.compile("(?m)^lr: *([0-9.eE+-]+) *$").matcher(text);
    assertThat(m.find()).as("a top-level lr line in%n%s", text).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static void fx(Runnable action) throws Exception {
    WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
  }

  private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
