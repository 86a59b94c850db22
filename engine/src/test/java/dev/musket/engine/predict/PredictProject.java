package dev.musket.engine.predict;

import dev.musket.engine.augment.HwcImage;
import dev.musket.engine.augment.opencv.OpenCvImages;
import dev.musket.engine.config.ExperimentConfig;
import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.events.CancellationToken;
import dev.musket.engine.train.ExperimentRunner;
import dev.musket.engine.train.FitOptions;
import dev.musket.engine.train.FitResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A project trained for real in a few seconds, for prediction tests: 16x16 images of two classes
 * (bright or dark, with a left-to-right ramp so a mirror image differs from the image), a tiny
 * network from the project's own modules, 2 folds x 2 stages of one epoch, a holdout and a named
 * test dataset.
 */
final class PredictProject {

  static final String NAME = "exp";

  static final String CONFIG =
      """
      #%Musket Classification 1.0
      architecture: TinyNet
      shape: [16, 16, 3]
      classes: 2
      activation: softmax
      loss: categorical_crossentropy
      metrics: [categorical_accuracy]
      primary_metric: val_categorical_accuracy
      primary_metric_mode: max
      optimizer: Adam
      lr: 0.01
      batch: 4
      inference_batch: 8
      folds_count: 2
      testSplit: 0.25
      dumpPredictionsToCSV: true
      stages:
        - epochs: 1
        - epochs: 1
          lr: 0.005
      dataset:
        image_folder: [data/images]
      datasets:
        test:
          image_folder: [data/test]
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
              String x = g.conv("conv1", input, 4, 3, 2, Padding.SAME, true);
              return g.relu("relu1", x);
            }

            @Override
            public int minInputSize() {
              return 8;
            }
          };
        }
      }
      """;

  private PredictProject() {}

  /** Writes the project (config as given) without training it. */
  static Path create(Path dir, String config) throws IOException {
    Files.createDirectories(dir.resolve("modules"));
    Files.writeString(dir.resolve("modules/TinyNets.java"), MODULE);
    Random random = new Random(7);
    images(dir.resolve("data/images"), 8, random);
    images(dir.resolve("data/test"), 3, random);
    Path exp = Files.createDirectories(dir.resolve("experiments").resolve(NAME));
    Files.writeString(exp.resolve("config.yaml"), config);
    return dir;
  }

  /** Writes and trains the project. */
  static Path trained(Path dir, String config) throws IOException {
    create(dir, config);
    FitResult result =
        new ExperimentRunner()
            .fit(
                dir,
                NAME,
                load(dir),
                new FitOptions(false, false, List.of(), null, 2),
                event -> {},
                new CancellationToken());
    if (result.outcome() != FitResult.Outcome.COMPLETED) {
      throw new IllegalStateException("the fixture did not train: " + result);
    }
    return dir;
  }

  static ExperimentConfig load(Path project) {
    return new ExperimentLoader()
        .load(project.resolve("experiments").resolve(NAME).resolve("config.yaml"))
        .config()
        .orElseThrow();
  }

  private static void images(Path root, int perClass, Random random) throws IOException {
    for (String label : new String[] {"bright", "dark"}) {
      Path folder = Files.createDirectories(root.resolve(label));
      for (int i = 0; i < perClass; i++) {
        Files.write(
            folder.resolve(label + i + ".png"), OpenCvImages.encode(image(label, random), ".png"));
      }
    }
  }

  private static HwcImage image(String label, Random random) {
    HwcImage image = HwcImage.blank(16, 16, 3);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        int v = (label.equals("bright") ? 140 : 90) + x * 4 + random.nextInt(40) - 20;
        for (int c = 0; c < 3; c++) {
          image.set(y, x, c, v + c * 10);
        }
      }
    }
    return image;
  }
}
