package dev.musket.engine.analysis;

import dev.musket.engine.experiment.ExperimentFolder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One experiment as analyze sees it, whether or not it has results yet: its config (merged with
 * common.yaml) flattened, and each metric's mean over folds of each fold's best.
 *
 * <p>Why it is public: {@code musket analyze} reports only experiments with results (as Musket
 * did), but the workbench's table lists every experiment, new ones included, and needs all the
 * flattened keys, not only the differing ones. Both start from this one reading of the project.
 *
 * @param path the experiment's name: its folder relative to {@code experiments/}, {@code /}
 *     separated
 * @param configText the raw text of its config.yaml (not merged), for side-by-side views
 * @param configReadable false when the YAML could not be read; then {@code flatConfig} is empty and
 *     the experiment takes no part in deciding which keys differ
 * @param flatConfig every key of the merged config, in document order
 * @param foldCount the folds that have a metrics CSV
 * @param metrics by metric name; empty when the experiment has no results
 * @param hasResults whether some metrics CSV has rows: Musket reports only such experiments
 */
public record ExperimentAnalysis(
    String path,
    ExperimentFolder folder,
    String configText,
    boolean configReadable,
    Map<String, String> flatConfig,
    int foldCount,
    Map<String, Double> metrics,
    boolean hasResults) {

  public ExperimentAnalysis {
    flatConfig = Collections.unmodifiableMap(new LinkedHashMap<>(flatConfig));
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }
}
