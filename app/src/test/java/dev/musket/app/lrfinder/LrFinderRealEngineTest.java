package dev.musket.app.lrfinder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.DirectTaskExecutor;
import dev.musket.engine.testing.TinyProjects;
import dev.musket.engine.testing.TinyProjects.Greys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The view-model driving the real engine on a tiny project, with the editor's unsaved text. */
@Timeout(300)
class LrFinderRealEngineTest {

  private static final String CONFIG =
      """
      architecture: TinyNet
      shape: [16, 16, 3]
      classes: 2
      activation: softmax
      loss: categorical_crossentropy
      metrics: [categorical_accuracy]
      primary_metric: val_categorical_accuracy
      primary_metric_mode: max
      optimizer: Adam
      lr: 0.001
      batch: 4
      folds_count: 2
      stages:
        - epochs: 2
      dataset:
        image_folder: [data/images]
      """;

  private static Path project(Path dir) throws IOException {
    TinyProjects.writeModule(dir, TinyProjects.TINY_NET);
    TinyProjects.images(
        dir.resolve("data/images"), 12, new Random(5), new Greys(160, 90, 25, 0, 0));
    Path experiment = Files.createDirectories(dir.resolve("experiments/tiny"));
    // on disk, a config the finder must not use: the editor's text is what counts
    Files.writeString(experiment.resolve("config.yaml"), "architecture: Missing\n");
    return dir;
  }

  @Test
  void runsTheEngineOnTheEditorsTextAndWritesIntoTheExperimentsLrFinderFolder(@TempDir Path dir)
      throws IOException {
    Path project = project(dir.resolve("project"));
    Path configFile = project.resolve("experiments/tiny/config.yaml");
    WorkbenchState state = new WorkbenchState();
    state.projectProperty().set(project);
    state.activeConfigProperty().set(new FakeOpenConfig(configFile, CONFIG));
    LrFinderViewModel model = new LrFinderViewModel(state, new DirectTaskExecutor());
    model.startLrProperty().set("1e-4");
    model.epochsProperty().set(4);

    model.run();

    assertThat(model.failedProperty().get()).as(model.statusProperty().get()).isFalse();
    assertThat(model.points()).hasSizeBetween(2, 12);
    assertThat(model.progressProperty().get()).isEqualTo(1.0);
    Path out = project.resolve("experiments/tiny/lrfinder");
    assertThat(out.resolve("lrfinder.csv")).isNotEmptyFile();
    assertThat(out.resolve("lrfinder-loss.png")).isNotEmptyFile();
    try (Stream<Path> files = Files.list(project.resolve("experiments/tiny"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("config.yaml", "lrfinder");
    }
    assertThat(Files.readString(configFile)).isEqualTo("architecture: Missing\n");
  }

  @Test
  void aConfigErrorIsAMessageNamingIt(@TempDir Path dir) throws IOException {
    Path project = project(dir.resolve("project"));
    WorkbenchState state = new WorkbenchState();
    state.projectProperty().set(project);
    state
        .activeConfigProperty()
        .set(
            new FakeOpenConfig(
                project.resolve("experiments/tiny/config.yaml"),
                CONFIG.replace("batch: 4", "batch: four")));
    LrFinderViewModel model = new LrFinderViewModel(state, new DirectTaskExecutor());

    model.run();

    assertThat(model.failedProperty().get()).isTrue();
    assertThat(model.statusProperty().get())
        .startsWith("the config has errors")
        .contains("config.yaml")
        .contains("batch");
    assertThat(project.resolve("experiments/tiny/lrfinder")).doesNotExist();
  }
}
