package dev.musket.engine.predict;

import dev.musket.engine.config.ExperimentConfig;
import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.events.CancellationToken;
import dev.musket.engine.testing.TinyProjects;
import dev.musket.engine.testing.TinyProjects.Greys;
import dev.musket.engine.train.ExperimentRunner;
import dev.musket.engine.train.FitOptions;
import dev.musket.engine.train.FitResult;
import java.io.IOException;
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

  /** Brighter to the right, so a mirrored image differs; channels apart. */
  private static final Greys GREYS = new Greys(140, 90, 20, 4, 10);

  private PredictProject() {}

  /** Writes the project (config as given) without training it. */
  static Path create(Path dir, String config) throws IOException {
    TinyProjects.writeModule(dir, TinyProjects.TINY_NET);
    Random random = new Random(7);
    TinyProjects.images(dir.resolve("data/images"), 8, random, GREYS);
    TinyProjects.images(dir.resolve("data/test"), 3, random, GREYS);
    TinyProjects.experiment(dir, NAME, config);
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
}
