package dev.musket.engine.predict;

import dev.musket.engine.config.ExperimentConfig;
import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.config.validate.Diagnostic;
import dev.musket.engine.data.DataSet;
import dev.musket.engine.data.ExperimentData;
import dev.musket.engine.data.split.ExperimentSplits;
import dev.musket.engine.data.split.SplitSettings;
import dev.musket.engine.events.CancellationToken;
import dev.musket.engine.experiment.ExperimentFolder;
import dev.musket.engine.experiment.FoldStage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Musket's {@code predict_all_to_array} for a trained experiment: the mean prediction of the best
 * weights of the chosen folds and stages, optionally over test-time augmented views, on a named
 * dataset, a folder of images, the holdout or a fold's validation set; cached under {@code
 * <experiment>/predictions/}.
 *
 * <p>The entry point for the CLI and the desktop app. Everything the user can get wrong (an unknown
 * dataset, a fold that does not exist, an experiment not trained yet) is a {@link
 * PredictionException} whose message names the experiment and what to do.
 */
public final class Predictor {

  private static final Logger LOG = LoggerFactory.getLogger(Predictor.class);

  private final Path project;
  private final String name;
  private final ExperimentConfig cfg;
  private final ExperimentFolder folder;
  private ExperimentData data;
  private ExperimentSplits splits;

  /** An experiment with an already loaded config (the fit's own, the app's). */
  public Predictor(Path project, String name, ExperimentConfig cfg) {
    this.project = project.toAbsolutePath();
    this.name = name;
    this.cfg = cfg;
    this.folder = new ExperimentFolder(cfg.file());
  }

  /** Loads {@code <project>/experiments/<name>/config.yaml}; an invalid config is an error. */
  public static Predictor open(Path project, String name) {
    Path config = project.resolve("experiments").resolve(name).resolve(ExperimentFolder.CONFIG);
    if (!Files.isRegularFile(config)) {
      throw new PredictionException(
          "no experiment '"
              + name
              + "' in "
              + project.resolve("experiments")
              + " (no "
              + config
              + ")");
    }
    ExperimentLoader.Loaded loaded = new ExperimentLoader().load(config);
    if (loaded.config().isEmpty()) {
      throw new PredictionException(
          "experiment '"
              + name
              + "': the config has errors; fix them first:\n"
              + loaded.diagnostics().stream()
                  .filter(Diagnostic::isError)
                  .map(Diagnostic::format)
                  .collect(Collectors.joining("\n")));
    }
    return new Predictor(project, name, loaded.config().get());
  }

  public String experiment() {
    return name;
  }

  public ExperimentConfig config() {
    return cfg;
  }

  public ExperimentFolder folder() {
    return folder;
  }

  public Predictions predict(PredictionRequest request) {
    return predict(request, new CancellationToken());
  }

  public Predictions predict(PredictionRequest request, CancellationToken token) {
    return predict(request, token, PredictionProgress.NONE);
  }

  /**
   * Predicts, reporting each batch to {@code progress} (nothing when the cache answers) and
   * stopping at the next batch once {@code token} is cancelled.
   */
  public Predictions predict(
      PredictionRequest request, CancellationToken token, PredictionProgress progress) {
    List<FoldStage> members = members(request);
    List<Path> weights =
        members.stream().map(m -> folder.bestWeights(m.fold(), m.stage())).toList();
    SelectedItems items = select(request.source());
    if (items.indices().length == 0) {
      throw new PredictionException(
          "experiment '" + name + "': " + request.source().describe() + " has no items");
    }
    TtaMode tta =
        request.tta() != null ? request.tta() : TtaMode.parse(cfg.data().testTimeAugmentation());
    var shape = cfg.model().shape();
    if (tta.rotates() && shape.height() != shape.width()) {
      throw new PredictionException(
          "experiment '"
              + name
              + "': test-time augmentation "
              + tta
              + " rotates images, which needs a square shape; this one is "
              + shape.height()
              + "x"
              + shape.width()
              + " (use Horizontal or Horizontal_and_vertical)");
    }
    try {
      PredictionCache cache = new PredictionCache(folder.predictionsDir());
      String file = cacheName(request.source(), members, tta);
      String key =
          PredictionCache.key(
              weights, List.of(cfg.file(), project.resolve("common.yaml")), tta, items.imageIds());
      Optional<float[][][]> cached = request.useCache() ? cache.read(file, key) : Optional.empty();
      float[][][] probabilities;
      if (cached.isPresent()) {
        probabilities = cached.get();
      } else {
        float[][][] perItem =
            new EnsembleRunner(
                    data().pipeline(),
                    cfg.training().inferenceBatch(),
                    Runtime.getRuntime().availableProcessors())
                .run(weights, items, tta.views(), token, progress);
        probabilities = items.reassemble(perItem);
        if (request.useCache()) {
          cache.write(file, key, probabilities);
        }
      }
      return new Predictions(
          name,
          request.source(),
          members,
          tta,
          items.imageIds(),
          data().dataSet().classNames(),
          probabilities,
          items.targets(),
          singleLabel(),
          cached.isPresent());
    } catch (IOException e) {
      throw new UncheckedIOException("experiment '" + name + "': " + e.getMessage(), e);
    }
  }

  /** The ensemble's members, checked: each fold and stage exists and has best weights. */
  List<FoldStage> members(PredictionRequest request) {
    return new EnsembleMembers(project, name, folder)
        .resolve(request, cfg.training().stages().size(), foldCount());
  }

  /** Whether the experiment holds items out of every fold ({@code testSplit} or the dataset's). */
  public boolean hasHoldout() {
    try {
      return splits().holdout().heldOut().length > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int foldCount() {
    return data().dataSet().predefinedFolds().map(List::size).orElse(cfg.data().foldsCount());
  }

  /** The experiment's training data (class names, pipeline, splits), built once. */
  ExperimentData data() {
    if (data == null) {
      ExperimentData.Build build = ExperimentData.from(cfg, project);
      data =
          build
              .data()
              .orElseThrow(
                  () ->
                      new PredictionException(
                          "experiment '"
                              + name
                              + "': its dataset cannot be built:\n"
                              + format(build.diagnostics())));
    }
    return data;
  }

  private ExperimentSplits splits() throws IOException {
    if (splits == null) {
      splits = ExperimentSplits.plan(data().dataSet(), SplitSettings.of(cfg.data()), cfg.file());
    }
    return splits;
  }

  SelectedItems select(PredictionSource source) {
    try {
      if (source instanceof PredictionSource.Holdout) {
        int[] held = splits().holdout().heldOut();
        if (held.length == 0) {
          throw new PredictionException(
              "experiment '"
                  + name
                  + "' has no holdout: set testSplit (e.g. testSplit: 0.2) and fit again, or"
                  + " use --validation FOLD or --dataset NAME");
        }
        return SelectedItems.of(data().dataSet(), held, true);
      }
      if (source instanceof PredictionSource.Validation v) {
        int folds = foldCount();
        if (v.fold() < 0 || v.fold() >= folds) {
          throw new PredictionException(
              "experiment '"
                  + name
                  + "' has no fold "
                  + v.fold()
                  + "; its folds are 0.."
                  + (folds - 1));
        }
        return SelectedItems.of(data().dataSet(), splits().folds().get(v.fold()).heldOut(), true);
      }
      if (source instanceof PredictionSource.Named n) {
        DataSet ds = PredictionDataSets.named(cfg, project, name, n.name(), data());
        // labels in other classes (or another order) cannot be scored against this model's outputs
        boolean sameClasses = ds.classNames().equals(data().dataSet().classNames());
        if (!sameClasses) {
          LOG.warn(
              "{}: dataset '{}' has classes {}, the experiment {}; its labels are ignored",
              name,
              n.name(),
              ds.classNames(),
              data().dataSet().classNames());
        }
        return SelectedItems.of(ds, IntStream.range(0, ds.size()).toArray(), sameClasses);
      }
      PredictionSource.Images images = (PredictionSource.Images) source;
      DataSet ds = PredictionDataSets.images(cfg, name, images.dir(), data());
      return SelectedItems.of(ds, IntStream.range(0, ds.size()).toArray(), false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Per output, whether items carry exactly one class: a softmax head, or training targets that are
   * all one-hot (an image folder trained with sigmoid).
   */
  boolean[] singleLabel() {
    int outputs = cfg.model().classes().size();
    boolean[] single = new boolean[outputs];
    DataSet ds = data().dataSet();
    for (int o = 0; o < outputs; o++) {
      String activation =
          cfg.model().activations().isEmpty()
              ? ""
              : cfg.model().activations().get(Math.min(o, cfg.model().activations().size() - 1));
      boolean oneHot = ds.size() > 0;
      for (int i = 0; i < ds.size() && oneHot; i++) {
        int set = 0;
        for (float v : ds.target(i)[o]) {
          set += v > 0.5f ? 1 : 0;
        }
        oneHot = set == 1;
      }
      single[o] = activation.toLowerCase(Locale.ROOT).equals("softmax") || oneHot;
    }
    return single;
  }

  /** {@code holdout-f0_1-s0_1-none}: Musket's {@code holdout[0][0, 1]} without the spaces. */
  static String cacheName(PredictionSource source, List<FoldStage> members, TtaMode tta) {
    String folds =
        members.stream()
            .map(m -> String.valueOf(m.fold()))
            .distinct()
            .collect(Collectors.joining("_"));
    String stages =
        members.stream()
            .map(m -> String.valueOf(m.stage()))
            .distinct()
            .sorted()
            .collect(Collectors.joining("_"));
    return source.fileName()
        + "-f"
        + folds
        + "-s"
        + stages
        + "-"
        + tta.name().toLowerCase(Locale.ROOT);
  }

  static String format(List<Diagnostic> diagnostics) {
    return diagnostics.stream()
        .filter(Diagnostic::isError)
        .map(Diagnostic::format)
        .collect(Collectors.joining("\n"));
  }
}
