package dev.musket.engine.predict;

import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.ExperimentConfig;
import dev.musket.engine.data.CroppedDataSet;
import dev.musket.engine.data.DataSet;
import dev.musket.engine.data.DatasetBuild;
import dev.musket.engine.data.DatasetFactories;
import dev.musket.engine.data.ExperimentData;
import dev.musket.engine.data.FileImageDataSet;
import dev.musket.engine.data.ImageFiles;
import dev.musket.engine.data.ProjectDatasetFactories;
import dev.musket.engine.project.ProjectModules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The datasets prediction reads besides the training data: an entry of {@code datasets:} and a
 * plain folder of images, both cut into cells like the training data when {@code crops} is set.
 */
final class PredictionDataSets {

  private PredictionDataSets() {}

  static DataSet named(
      ExperimentConfig cfg, Path project, String experiment, String name, ExperimentData train) {
    Optional<ConfigNode.Mapping> datasets =
        cfg.raw()
            .get("datasets")
            .filter(d -> d instanceof ConfigNode.Mapping)
            .map(d -> (ConfigNode.Mapping) d);
    Optional<ConfigNode> node = datasets.flatMap(d -> d.get(name));
    if (node.isEmpty()) {
      List<String> known = datasets.map(ConfigNode.Mapping::keys).orElse(List.of());
      throw new PredictionException(
          "experiment '"
              + experiment
              + "' has no dataset '"
              + name
              + "' under datasets:"
              + (known.isEmpty()
                  ? " (it declares none; add e.g. datasets: {test: {image_folder: [data/test]}})"
                  : "; known: " + String.join(", ", known)));
    }
    DatasetFactories factories = DatasetFactories.builtIn();
    ProjectModules modules = ProjectModules.compile(project);
    if (modules.compiled()) {
      ProjectDatasetFactories.register(modules, factories);
    }
    DatasetBuild build = factories.create(node.get(), project);
    DataSet ds =
        build
            .dataSet()
            .orElseThrow(
                () ->
                    new PredictionException(
                        "experiment '"
                            + experiment
                            + "': dataset '"
                            + name
                            + "' cannot be built:\n"
                            + Predictor.format(build.diagnostics())));
    return cropped(cfg, ds);
  }

  /** Every image file directly in {@code dir}, sorted by name; the id is the file name. */
  static DataSet images(ExperimentConfig cfg, String experiment, Path dir, ExperimentData train) {
    if (!Files.isDirectory(dir)) {
      throw new PredictionException(
          "experiment '" + experiment + "': " + dir + " is not a folder of images");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(Files::isRegularFile).filter(ImageFiles::isImage).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    if (files.isEmpty()) {
      throw new PredictionException(
          "experiment '"
              + experiment
              + "': "
              + dir
              + " holds no images ("
              + String.join(", ", ImageFiles.EXTENSIONS)
              + ")");
    }
    List<Integer> classes = cfg.model().classes();
    List<FileImageDataSet.Entry> entries = new ArrayList<>();
    for (Path f : files) {
      float[][] none = new float[classes.size()][];
      for (int o = 0; o < none.length; o++) {
        none[o] = new float[classes.get(o)];
      }
      entries.add(new FileImageDataSet.Entry(f.getFileName().toString(), f, none));
    }
    return cropped(cfg, new FileImageDataSet(entries, train.dataSet().classNames()));
  }

  private static DataSet cropped(ExperimentConfig cfg, DataSet ds) {
    int crops = cfg.data().crops() == null ? 1 : Math.max(1, cfg.data().crops());
    var shape = cfg.model().shape();
    return crops > 1 ? new CroppedDataSet(ds, crops, shape.height(), shape.width()) : ds;
  }
}
