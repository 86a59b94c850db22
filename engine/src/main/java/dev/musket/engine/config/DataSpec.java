package dev.musket.engine.config;

import java.util.List;
import java.util.Map;

/**
 * Where the data comes from and how it is split and augmented.
 *
 * @param dataset the training dataset, or {@code null} when the config names none
 * @param crops cells per side, or {@code null} for whole images
 */
public record DataSpec(
    ComponentSpec dataset,
    Map<String, ComponentSpec> datasets,
    List<ComponentSpec> augmentation,
    List<ComponentSpec> transforms,
    boolean manualResize,
    Integer crops,
    String testTimeAugmentation,
    int foldsCount,
    double validationSplit,
    boolean stratified,
    int randomState,
    double testSplit,
    int testSplitSeed,
    List<String> imports) {

  public DataSpec {
    datasets = Map.copyOf(datasets);
    augmentation = List.copyOf(augmentation);
    transforms = List.copyOf(transforms);
    imports = List.copyOf(imports);
  }
}
