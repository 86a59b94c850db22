package dev.musket.app.lrfinder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.DirectTaskExecutor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
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

  private static final String MODULE =
      """
      import dev.musket.engine.api.Architecture;
      import dev.musket.engine.model.LayerGraph;
      import dev.musket.engine.model.ModelBuilder;
      import dev.musket.engine.model.Padding;

      public class TinyNets {
        @Architecture("TinyNet")
        public static ModelBuilder tinyNet() {
          return new ModelBuilder() {
            @Override
            public String addBackbone(LayerGraph g, String input) {
              return g.relu("relu1", g.conv("conv1", input, 4, 3, 2, Padding.SAME, true));
            }

            @Override
            public int minInputSize() {
              return 8;
            }
          };
        }
      }
      """;

  private static Path project(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("modules"));
    Files.writeString(dir.resolve("modules/TinyNets.java"), MODULE);
    Random random = new Random(5);
    for (String label : List.of("bright", "dark")) {
      Path folder = Files.createDirectories(dir.resolve("data/images/" + label));
      for (int i = 0; i < 12; i++) {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
          for (int x = 0; x < 16; x++) {
            int v = (label.equals("bright") ? 160 : 90) + random.nextInt(50) - 25;
            image.setRGB(x, y, (v << 16) | (v << 8) | v);
          }
        }
        ImageIO.write(image, "png", folder.resolve(label + i + ".png").toFile());
      }
    }
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
