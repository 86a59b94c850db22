package dev.musket.engine.train;

import dev.musket.engine.testing.TinyProjects;
import dev.musket.engine.testing.TinyProjects.Greys;
import java.io.IOException;
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

  private TinyProject() {}

  /** Writes the project into {@code dir} with {@code perClass} images per class. */
  static Path create(Path dir, int perClass) throws IOException {
    return create(dir, perClass, CONFIG);
  }

  static Path create(Path dir, int perClass, String config) throws IOException {
    TinyProjects.writeModule(dir, TinyProjects.TINY_NET_WITH_BATCH_NORM);
    TinyProjects.images(dir.resolve("data/images"), perClass, new Random(7), Greys.PLAIN);
    experiment(dir, NAME, config);
    return dir;
  }

  static Path experiment(Path project, String name, String config) throws IOException {
    return TinyProjects.experiment(project, name, config);
  }
}
