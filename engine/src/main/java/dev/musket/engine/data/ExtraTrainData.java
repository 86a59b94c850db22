package dev.musket.engine.data;

import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.ExperimentConfig;
import dev.musket.engine.config.validate.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Creates the dataset of {@code extra_train_data}: a name resolved against the config's {@code
 * datasets:} (Musket looked in {@code datasets} after the project's {@code extra_train} registry,
 * which has no counterpart here), or a dataset written inline as {@code {factory: args}}, made by
 * the same factories as {@code dataset:}, project ones included.
 */
final class ExtraTrainData {

  private ExtraTrainData() {}

  /** The extra dataset (absent when none is configured or on errors) and its diagnostics. */
  static DatasetBuild create(ExperimentConfig cfg, DatasetFactories factories, Path projectDir) {
    Optional<ConfigNode> node = node(cfg);
    if (node.isEmpty()) {
      return new DatasetBuild(Optional.empty(), List.of());
    }
    ConfigNode spec = node.get();
    if (spec instanceof ConfigNode.Scalar name) {
      Optional<ConfigNode> named =
          cfg.raw().get("datasets").orElse(null) instanceof ConfigNode.Mapping datasets
              ? datasets.get(name.asText())
              : Optional.empty();
      if (named.isEmpty()) {
        List<Diagnostic> problems = new ArrayList<>();
        problems.add(
            Diagnostic.error(
                name.file(),
                name.path(),
                name.position(),
                "extra_train_data names the dataset '"
                    + name.asText()
                    + "', which 'datasets:' does not define; add it there or write it inline"));
        return new DatasetBuild(Optional.empty(), problems);
      }
      spec = named.get();
    }
    return factories.create(spec, projectDir);
  }

  private static Optional<ConfigNode> node(ExperimentConfig cfg) {
    return cfg.raw()
        .get("extra_train_data")
        .filter(n -> !(n instanceof ConfigNode.Scalar s && s.isNull()));
  }
}
