package dev.musket.engine.cli;

import dev.musket.engine.predict.PredictionRequest;
import dev.musket.engine.predict.PredictionSource;
import dev.musket.engine.predict.TtaMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The flags {@code predict} and {@code evaluate} share: the experiment, what to predict, which
 * folds and stages to average, and test-time augmentation.
 */
final class SelectionOptions {

  @Option(names = "--project", required = true, paramLabel = "DIR", description = "The project.")
  Path project;

  @Option(
      names = "--name",
      required = true,
      paramLabel = "EXP",
      description = "The experiment (its path under experiments/).")
  String name;

  @ArgGroup(exclusive = true, multiplicity = "0..1", heading = "What to predict (one of):%n")
  Source source = new Source();

  static final class Source {
    @Option(
        names = "--dataset",
        paramLabel = "NAME",
        description = "An entry of the config's datasets:.")
    String dataset;

    @Option(names = "--images", paramLabel = "DIR", description = "Every image in a folder.")
    Path images;

    @Option(names = "--holdout", description = "The holdout (testSplit); the default.")
    boolean holdout;

    @Option(
        names = "--validation",
        paramLabel = "FOLD",
        description = "The validation set of one fold (predicted by that fold's models).")
    Integer validation;
  }

  @Option(
      names = "--folds",
      split = ",",
      paramLabel = "F",
      description = "Folds whose models are averaged, e.g. 0,1 (default: all).")
  List<Integer> folds = new ArrayList<>();

  @Option(
      names = "--stage",
      split = ",",
      paramLabel = "S",
      description =
          "Stages whose best weights are averaged, e.g. 1 or 0,1; -1 = the last"
              + " (default: all).")
  List<Integer> stages = new ArrayList<>();

  @Option(
      names = "--tta",
      arity = "0..1",
      fallbackValue = "",
      paramLabel = "MODE",
      description =
          "Test-time augmentation: Horizontal, Horizontal_and_vertical, flips_and_rotations or"
              + " none. Plain --tta: the config's testTimeAugmentation, else Horizontal. Without"
              + " it: the config's.")
  String tta;

  @Option(
      names = {"--no-cache", "--no_cache"},
      description = "Recompute even when predictions/ holds this prediction.")
  boolean noCache;

  PredictionSource source() {
    if (source.dataset != null) {
      return new PredictionSource.Named(source.dataset);
    }
    if (source.images != null) {
      return new PredictionSource.Images(source.images);
    }
    if (source.validation != null) {
      return new PredictionSource.Validation(source.validation);
    }
    return new PredictionSource.Holdout();
  }

  /** The request; {@code configTta} is the config's testTimeAugmentation (may be null). */
  PredictionRequest request(String configTta) {
    TtaMode mode = null;
    if (tta != null) {
      mode =
          tta.isEmpty()
              ? TtaMode.parse(configTta == null ? "Horizontal" : configTta)
              : TtaMode.parse(tta);
    }
    return new PredictionRequest(source(), folds, stages, mode, !noCache);
  }
}
