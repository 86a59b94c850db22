package dev.musket.engine.train;

import dev.musket.engine.augment.HwcImage;
import dev.musket.engine.augment.opencv.OpenCvImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A Musket project small enough to train in seconds: 16x16 grey noisy images of two classes (bright
 * or dark, which survives global pooling), a two-layer architecture defined by the project's own
 * {@code modules/TinyNets.java}, and one experiment config.
 */
final class TinyProject {

  static final String NAME = "tiny";

  /** 2 folds x 2 stages, a composite loss, EarlyStopping + ReduceLROnPlateau, a holdout. */
  static final String CONFIG =
      """
      #%Musket Classification 1.0
      architecture: TinyNet
      shape: [16, 16, 3]
      classes: 2
      activation: sigmoid
      loss: binary_crossentropy+0.5*dice_loss
      metrics: [binary_accuracy]
      primary_metric: val_binary_accuracy
      primary_metric_mode: max
      optimizer: Adam
      lr: 0.01
      batch: 4
      inference_batch: 8
      folds_count: 2
      testSplit: 0.2
      freeze_encoder: true
      augmentation:
        Fliplr: 0.5
      callbacks:
        EarlyStopping: {patience: 2, monitor: val_loss}
        ReduceLROnPlateau: {patience: 1, factor: 0.5, monitor: val_loss}
      stages:
        - epochs: 3
        - epochs: 3
          lr: 0.005
          unfreeze_encoder: true
          logAll: true
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

  private TinyProject() {}

  /** Writes the project into {@code dir} with {@code perClass} images per class. */
  static Path create(Path dir, int perClass) throws IOException {
    return create(dir, perClass, CONFIG);
  }

  static Path create(Path dir, int perClass, String config) throws IOException {
    Files.createDirectories(dir.resolve("modules"));
    Files.writeString(dir.resolve("modules/TinyNets.java"), MODULE);
    Random random = new Random(7);
    for (String label : new String[] {"bright", "dark"}) {
      Path folder = Files.createDirectories(dir.resolve("data/images/" + label));
      for (int i = 0; i < perClass; i++) {
        HwcImage image = new HwcImage(16, 16, 3, new byte[16 * 16 * 3]);
        byte[] px = image.data();
        for (int y = 0; y < 16; y++) {
          boolean bright = label.equals("bright");
          for (int x = 0; x < 16; x++) {
            int v = (bright ? 150 : 100) + random.nextInt(60) - 30;
            for (int c = 0; c < 3; c++) {
              px[(y * 16 + x) * 3 + c] = (byte) v;
            }
          }
        }
        Files.write(folder.resolve(label + i + ".png"), OpenCvImages.encode(image, ".png"));
      }
    }
    experiment(dir, NAME, config);
    return dir;
  }

  static Path experiment(Path project, String name, String config) throws IOException {
    Path exp = Files.createDirectories(project.resolve("experiments").resolve(name));
    Files.writeString(exp.resolve("config.yaml"), config);
    return exp;
  }
}
