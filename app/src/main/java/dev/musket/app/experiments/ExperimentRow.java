package dev.musket.app.experiments;

import dev.musket.app.state.ExperimentStatus;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One experiment of the table: immutable, read off the FX thread and handed over whole, so a reload
 * never shows half-updated rows.
 *
 * @param name the experiment's path below {@code experiments/}
 * @param configText the raw config.yaml, for the side-by-side view
 * @param config every key of the merged config, flattened as analyze flattens it; empty when the
 *     YAML could not be read
 * @param score the experiment's score by Musket's rule, or null when it has none
 * @param metrics each metric's mean over folds of each fold's best
 */
public record ExperimentRow(
    String name,
    Path dir,
    Path configFile,
    String configText,
    boolean configReadable,
    ExperimentStatus status,
    Double score,
    int foldCount,
    Map<String, String> config,
    Map<String, Double> metrics) {

  public ExperimentRow {
    config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }
}
