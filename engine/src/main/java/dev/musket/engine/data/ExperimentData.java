package dev.musket.engine.data;

import dev.musket.engine.augment.AugmenterBuild;
import dev.musket.engine.augment.AugmenterTreeBuilder;
import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.validate.Diagnostic;
import dev.musket.engine.project.ProjectModules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An experiment's data side, ready for the loader: the dataset (cut into cells when {@code crops}
 * is set) and the image pipeline (transforms, resize, augmentation), or the diagnostics that stop
 * it.
 *
 * @param skippedImages bad images dropped because of {@code skip_bad_images} (for the summary)
 */
public record ExperimentData(DataSet dataSet, ImagePipeline pipeline, int skippedImages) {

  /**
   * A loader over some of the items (a fold's training or validation indices, after negatives);
   * {@code settings.training()} decides whether augmentation runs. Close it when done.
   */
  public AugmentedBatchIterator iterator(int[] indices, LoaderSettings settings) {
    return new AugmentedBatchIterator(dataSet, indices, pipeline, settings);
  }

  /** The data, or every problem found while building it. */
  public record Build(Optional<ExperimentData> data, List<Diagnostic> diagnostics) {}

  public static Build from(InterimExperimentConfig cfg) {
    List<Diagnostic> problems = new ArrayList<>();
    AugmenterTreeBuilder augmenters = new AugmenterTreeBuilder(cfg.projectDir());
    AugmenterBuild aug = cfg.augmentation().map(augmenters::build).orElse(null);
    AugmenterBuild tr = cfg.transforms().map(augmenters::build).orElse(null);
    if (aug != null) {
      problems.addAll(aug.diagnostics());
    }
    if (tr != null) {
      problems.addAll(tr.diagnostics());
    }
    Optional<ConfigNode> dsNode = cfg.dataset();
    DatasetBuild ds = null;
    if (dsNode.isEmpty()) {
      problems.add(
          Diagnostic.error(
              cfg.configFile(),
              "dataset",
              dev.musket.engine.config.SourcePosition.START,
              "the experiment has no dataset: add e.g. dataset: {image_folder: [data/images]}"));
    } else {
      DatasetFactories factories = DatasetFactories.builtIn();
      ProjectModules modules = ProjectModules.compile(cfg.projectDir());
      problems.addAll(modules.problems());
      if (modules.compiled()) {
        problems.addAll(ProjectDatasetFactories.register(modules, factories));
      }
      ds = factories.create(dsNode.get(), cfg.projectDir());
      problems.addAll(ds.diagnostics());
    }
    if (problems.stream().anyMatch(Diagnostic::isError)) {
      return new Build(Optional.empty(), problems);
    }
    int[] shape = cfg.shape();
    int crops = Math.max(1, cfg.crops());
    DataSet dataSet = ds.dataSet().orElseThrow();
    if (crops > 1) {
      dataSet = new CroppedDataSet(dataSet, crops, shape[0], shape[1]);
    }
    ImagePipeline pipeline =
        new ImagePipeline(
            shape[0] / crops,
            shape[1] / crops,
            shape[2],
            cfg.manualResize(),
            tr == null ? ImagePipeline.NONE : tr.orThrow(),
            aug == null ? ImagePipeline.NONE : aug.orThrow());
    return new Build(
        Optional.of(new ExperimentData(dataSet, pipeline, ds.skippedImages())), problems);
  }
}
