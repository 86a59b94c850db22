package dev.musket.engine.data;

import dev.musket.engine.augment.AugmenterBuild;
import dev.musket.engine.augment.AugmenterTreeBuilder;
import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.ExperimentConfig;
import dev.musket.engine.config.InputShape;
import dev.musket.engine.config.validate.Diagnostic;
import dev.musket.engine.project.ProjectModules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An experiment's data side, ready for the loader: the dataset (cut into cells when {@code crops}
 * is set) and the image pipeline (transforms, resize, augmentation), or the diagnostics that stop
 * it.
 *
 * @param dataSet the experiment's dataset: holdout and folds index it
 * @param skipped bad images dropped because of {@code skip_bad_images: true} (for the summary);
 *     empty when no source was screened
 * @param trainingDataSet {@code dataSet} followed by the items of {@code extra_train_data}, which
 *     every fold trains on and nothing validates on; {@code dataSet} itself when there are none
 */
public record ExperimentData(
    DataSet dataSet,
    ImagePipeline pipeline,
    Optional<List<SkippedImage>> skipped,
    DataSet trainingDataSet) {

  /** Data without extra training items. */
  public ExperimentData(
      DataSet dataSet, ImagePipeline pipeline, Optional<List<SkippedImage>> skipped) {
    this(dataSet, pipeline, skipped, dataSet);
  }

  /**
   * A fold's training indices followed by every {@code extra_train_data} item, as indices of {@link
   * #trainingDataSet()} (Musket's {@code addToTrain}); {@code foldTrain} as it is without extra
   * data.
   */
  public int[] withExtraTraining(int[] foldTrain) {
    int from = dataSet.size();
    int to = trainingDataSet.size();
    int[] all = Arrays.copyOf(foldTrain, foldTrain.length + to - from);
    for (int i = from; i < to; i++) {
      all[foldTrain.length + i - from] = i;
    }
    return all;
  }

  /**
   * A loader over some of the items (a fold's training or validation indices, after negatives);
   * {@code settings.training()} decides whether augmentation runs. Close it when done.
   */
  public AugmentedBatchIterator iterator(int[] indices, LoaderSettings settings) {
    return new AugmentedBatchIterator(dataSet, indices, pipeline, settings);
  }

  /** The data, or every problem found while building it. */
  public record Build(Optional<ExperimentData> data, List<Diagnostic> diagnostics) {}

  /**
   * The data of a validated {@link ExperimentConfig}; {@code projectDir} resolves dataset paths and
   * project augmenters. Leaves {@code extra_train_data} out: what only predicts or previews never
   * needs it ({@link #forTraining} adds it).
   */
  public static Build from(ExperimentConfig cfg, Path projectDir) {
    return from(cfg, projectDir, dataset(cfg, projectDir));
  }

  /**
   * The data a fit trains on: {@link #from} plus the items of {@code extra_train_data} in {@link
   * #trainingDataSet()}.
   */
  public static Build forTraining(ExperimentConfig cfg, Path projectDir) {
    Build build = from(cfg, projectDir, dataset(cfg, projectDir));
    // the project's compile problems are among build's already
    DatasetFactories factories = factories(projectDir, new ArrayList<>());
    DatasetBuild extra = ExtraTrainData.create(cfg, factories, projectDir);
    List<Diagnostic> problems = new ArrayList<>(build.diagnostics());
    problems.addAll(extra.diagnostics());
    if (build.data().isEmpty() || problems.stream().anyMatch(Diagnostic::isError)) {
      return new Build(Optional.empty(), problems);
    }
    ExperimentData data = build.data().get();
    if (extra.dataSet().isEmpty()) {
      return new Build(Optional.of(data), problems);
    }
    DataSet more = cropped(cfg, extra.dataSet().get());
    try {
      return new Build(
          Optional.of(
              new ExperimentData(
                  data.dataSet(),
                  data.pipeline(),
                  bothSkipped(data.skipped(), extra.skipped()),
                  new ExtraTrainDataSet(data.dataSet(), more))),
          problems);
    } catch (IllegalArgumentException e) {
      ConfigNode at = cfg.raw().get("extra_train_data").orElseThrow();
      problems.add(Diagnostic.error(at.file(), at.path(), at.position(), e.getMessage()));
      return new Build(Optional.empty(), problems);
    }
  }

  /**
   * The dataset alone, as {@link #from} creates it (before {@code crops}): listing files or reading
   * IDX arrays, the part that may take a while. Callers that rebuild the data often with the same
   * {@code dataset:} (the workbench's previewer, as the user edits the augmentation) create it once
   * and pass it to {@link #from(ExperimentConfig, Path, DatasetBuild)}.
   */
  public static DatasetBuild dataset(ExperimentConfig cfg, Path projectDir) {
    Optional<ConfigNode> dsNode =
        cfg.raw().get("dataset").filter(n -> !(n instanceof ConfigNode.Scalar s && s.isNull()));
    if (dsNode.isEmpty()) {
      return new DatasetBuild(
          Optional.empty(),
          List.of(
              Diagnostic.error(
                  cfg.file(),
                  "dataset",
                  dev.musket.engine.config.SourcePosition.START,
                  "the experiment has no dataset: add e.g. dataset: {image_folder: [data/images]}")));
    }
    List<Diagnostic> problems = new ArrayList<>();
    DatasetFactories factories = factories(projectDir, problems);
    DatasetBuild ds = factories.create(dsNode.get(), projectDir);
    problems.addAll(ds.diagnostics());
    return new DatasetBuild(ds.dataSet(), problems, ds.skipped());
  }

  /** The images dropped from the main and the extra dataset; empty when neither was screened. */
  private static Optional<List<SkippedImage>> bothSkipped(
      Optional<List<SkippedImage>> main, Optional<List<SkippedImage>> extra) {
    if (main.isEmpty() && extra.isEmpty()) {
      return Optional.empty();
    }
    List<SkippedImage> all = new ArrayList<>(main.orElse(List.of()));
    all.addAll(extra.orElse(List.of()));
    return Optional.of(all);
  }

  /** The built-in dataset factories and the project's; compile problems go to {@code problems}. */
  private static DatasetFactories factories(Path projectDir, List<Diagnostic> problems) {
    DatasetFactories factories = DatasetFactories.builtIn();
    ProjectModules modules = ProjectModules.compile(projectDir);
    problems.addAll(modules.problems());
    if (modules.compiled()) {
      problems.addAll(ProjectDatasetFactories.register(modules, factories));
    }
    return factories;
  }

  /** {@code crops} cells of every image, when the config sets it. */
  private static DataSet cropped(ExperimentConfig cfg, DataSet dataSet) {
    int crops = cfg.data().crops() == null ? 1 : Math.max(1, cfg.data().crops());
    InputShape shape = cfg.model().shape();
    return crops > 1 ? new CroppedDataSet(dataSet, crops, shape.height(), shape.width()) : dataSet;
  }

  /** The data of {@code cfg} around a dataset made by {@link #dataset}: crops and the pipeline. */
  public static Build from(ExperimentConfig cfg, Path projectDir, DatasetBuild ds) {
    List<Diagnostic> problems = new ArrayList<>();
    AugmenterTreeBuilder augmenters = new AugmenterTreeBuilder(projectDir);
    AugmenterBuild aug = augmenters.build(cfg.data().augmentation());
    AugmenterBuild tr = augmenters.build(cfg.data().transforms());
    problems.addAll(aug.diagnostics());
    problems.addAll(tr.diagnostics());
    problems.addAll(ds.diagnostics());
    if (problems.stream().anyMatch(Diagnostic::isError) || ds.dataSet().isEmpty()) {
      return new Build(Optional.empty(), problems);
    }
    InputShape shape = cfg.model().shape();
    int crops = cfg.data().crops() == null ? 1 : Math.max(1, cfg.data().crops());
    DataSet dataSet = cropped(cfg, ds.dataSet().get());
    ImagePipeline pipeline =
        new ImagePipeline(
            shape.height() / crops,
            shape.width() / crops,
            shape.channels(),
            cfg.data().manualResize(),
            cfg.data().transforms().isEmpty() ? ImagePipeline.NONE : tr.orThrow(),
            cfg.data().augmentation().isEmpty() ? ImagePipeline.NONE : aug.orThrow());
    return new Build(Optional.of(new ExperimentData(dataSet, pipeline, ds.skipped())), problems);
  }
}
