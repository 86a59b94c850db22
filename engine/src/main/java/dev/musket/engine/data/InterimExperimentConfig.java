package dev.musket.engine.data;

import dev.musket.engine.augment.YamlTrees;
import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.data.split.SplitSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * INTERIM: the few experiment properties the data and augmentation code needs (dataset,
 * augmentation, transforms, shape, manualResize, crops, split settings), read straight from {@code
 * config.yaml} merged with the project's {@code common.yaml}.
 *
 * <p>Why it exists: {@code musket preview} must work before the config layer's {@code
 * ExperimentConfig} lands. It is the only class that reads experiment YAML in these packages; at
 * merge, replace it with {@code ExperimentConfig} (same property names, Musket's defaults) and
 * delete it.
 */
public record InterimExperimentConfig(
    Path configFile,
    Path projectDir,
    int[] shape,
    boolean manualResize,
    int crops,
    Optional<ConfigNode> dataset,
    Optional<ConfigNode> augmentation,
    Optional<ConfigNode> transforms,
    SplitSettings splits) {

  /** Reads {@code <project>/experiments/<name>/config.yaml} (and {@code common.yaml}). */
  public static InterimExperimentConfig load(Path projectDir, String name) throws IOException {
    Path config = projectDir.resolve("experiments").resolve(name).resolve("config.yaml");
    if (!Files.isRegularFile(config)) {
      throw new IOException("no experiment '" + name + "': " + config + " does not exist");
    }
    ConfigNode.Mapping exp = mapping(YamlTrees.read(config), config);
    Path common = projectDir.resolve("common.yaml");
    ConfigNode.Mapping shared =
        Files.isRegularFile(common) ? mapping(YamlTrees.read(common), common) : null;
    Lookup l = new Lookup(exp, shared);
    int[] shape = l.ints("shape").orElseThrow(() -> new IOException(config + ": needs shape"));
    if (shape.length != 3) {
      throw new IOException(config + ": shape must be [height, width, channels]");
    }
    SplitSettings d = SplitSettings.DEFAULTS;
    SplitSettings splits =
        new SplitSettings(
            l.number("testSplit").orElse(d.testSplit()),
            l.number("testSplitSeed").map(Double::longValue).orElse(d.testSplitSeed()),
            l.number("folds_count").map(Double::intValue).orElse(d.foldsCount()),
            l.number("random_state").map(Double::longValue).orElse(d.randomState()),
            l.bool("stratified").orElse(d.stratified()),
            l.number("validationSplit").orElse(d.validationSplit()));
    return new InterimExperimentConfig(
        config,
        projectDir,
        shape,
        l.bool("manualResize").orElse(false),
        l.number("crops").map(Double::intValue).orElse(1),
        l.node("dataset"),
        l.node("augmentation"),
        l.node("transforms"),
        splits);
  }

  private static ConfigNode.Mapping mapping(ConfigNode node, Path file) throws IOException {
    if (node instanceof ConfigNode.Mapping m) {
      return m;
    }
    throw new IOException(file + " is not a YAML map");
  }

  /** Experiment first, then common.yaml, as Musket merges them. */
  private record Lookup(ConfigNode.Mapping exp, ConfigNode.Mapping common) {
    Optional<ConfigNode> node(String key) {
      Optional<ConfigNode> v = exp.get(key);
      if (v.isEmpty() && common != null) {
        v = common.get(key);
      }
      return v.filter(n -> !(n instanceof ConfigNode.Scalar s && s.isNull()));
    }

    Optional<Double> number(String key) {
      return node(key)
          .filter(n -> n instanceof ConfigNode.Scalar s && s.isNumber())
          .map(n -> ((ConfigNode.Scalar) n).asDouble());
    }

    Optional<Boolean> bool(String key) {
      return node(key)
          .filter(n -> n instanceof ConfigNode.Scalar s && s.isBoolean())
          .map(n -> (Boolean) ((ConfigNode.Scalar) n).value());
    }

    Optional<int[]> ints(String key) {
      return node(key)
          .filter(n -> n instanceof ConfigNode.Sequence)
          .map(
              n -> {
                List<Integer> out = new ArrayList<>();
                for (ConfigNode item : ((ConfigNode.Sequence) n).items()) {
                  if (item instanceof ConfigNode.Scalar s && s.isInteger()) {
                    out.add((int) s.asLong());
                  }
                }
                return out.stream().mapToInt(Integer::intValue).toArray();
              });
    }
  }
}
