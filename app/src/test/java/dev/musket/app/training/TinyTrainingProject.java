package dev.musket.app.training;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * A Musket project that trains in seconds (as the engine's own tests build one): 16x16 noisy grey
 * images of two classes (bright, dark), a two-layer architecture from the project's {@code
 * modules/}, and experiments of one stage with two epochs; the tests launch fold 0 only.
 */
final class TinyTrainingProject {

  static final String CONFIG =
      """
      #%Musket Classification 1.0
      architecture: TinyNet
      shape: [16, 16, 3]
      classes: 2
      activation: sigmoid
      loss: binary_crossentropy
      metrics: [binary_accuracy]
      primary_metric: val_binary_accuracy
      primary_metric_mode: max
      optimizer: Adam
      lr: 0.01
      batch: 4
      inference_batch: 8
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
              String x = g.conv("conv1", input, 4, 3, 2, Padding.SAME, true);
              x = g.batchNorm("bn1", x, 1e-3, 0.99);
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

  private TinyTrainingProject() {}

  /** A project in {@code dir} with one experiment per name, all with {@link #CONFIG}. */
  static Path create(Path dir, String... experiments) throws IOException {
    Files.createDirectories(dir.resolve("modules"));
    Files.writeString(dir.resolve("modules/TinyNets.java"), MODULE);
    Random random = new Random(7);
    for (String label : new String[] {"bright", "dark"}) {
      Path folder = Files.createDirectories(dir.resolve("data/images/" + label));
      for (int i = 0; i < 8; i++) {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
          for (int x = 0; x < 16; x++) {
            int v = (label.equals("bright") ? 150 : 100) + random.nextInt(60) - 30;
            image.setRGB(x, y, (v << 16) | (v << 8) | v);
          }
        }
        ImageIO.write(image, "png", folder.resolve(label + i + ".png").toFile());
      }
    }
    for (String name : experiments) {
      experiment(dir, name, CONFIG);
    }
    return dir;
  }

  static Path experiment(Path project, String name, String config) throws IOException {
    Path exp = Files.createDirectories(project.resolve("experiments").resolve(name));
    Files.writeString(exp.resolve("config.yaml"), config);
    return exp;
  }
}
