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
import java.util.List;
import java.util.Optional;

/**
 * An experiment's data side, ready for the loader: the dataset (cut into cells when {@code crops}
 * is set) and the image pipeline (transforms, resize, augmentation), or the diagnostics that stop
 * it.
 *
 * @param skipped bad images dropped because of {@code skip_bad_images: true} (for the summary);
 *     empty when the source was not screened
 */
public record ExperimentData(
    DataSet dataSet, ImagePipeline pipeline, Optional<List<SkippedImage>> skipped) {

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
   * project augmenters.
   */
  public static Build from(ExperimentConfig cfg, Path projectDir) {
    return from(cfg, projectDir, dataset(cfg, projectDir));
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
    DatasetFactories factories = DatasetFactories.builtIn();
    ProjectModules modules = ProjectModules.compile(projectDir);
    problems.addAll(modules.problems());
    if (modules.compiled()) {
      problems.addAll(ProjectDatasetFactories.register(modules, factories));
    }
    DatasetBuild ds = factories.create(dsNode.get(), projectDir);
    problems.addAll(ds.diagnostics());
    return new DatasetBuild(ds.dataSet(), problems, ds.skipped());
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
    DataSet dataSet = ds.dataSet().get();
    if (crops > 1) {
      dataSet = new CroppedDataSet(dataSet, crops, shape.height(), shape.width());
    }
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
