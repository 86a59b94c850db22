package dev.musket.app.training;

import dev.musket.engine.testing.TinyProjects;
import dev.musket.engine.testing.TinyProjects.Greys;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

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

  private TinyTrainingProject() {}

  /** A project in {@code dir} with one experiment per name, all with {@link #CONFIG}. */
  static Path create(Path dir, String... experiments) throws IOException {
    TinyProjects.writeModule(dir, TinyProjects.TINY_NET_WITH_BATCH_NORM);
    TinyProjects.images(dir.resolve("data/images"), 8, new Random(7), Greys.PLAIN);
    for (String name : experiments) {
      experiment(dir, name, CONFIG);
    }
    return dir;
  }

  static Path experiment(Path project, String name, String config) throws IOException {
    return TinyProjects.experiment(project, name, config);
  }
}
