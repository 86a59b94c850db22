package dev.musket.engine.train.callbacks;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a monitored metric from an epoch's row, warning (as Keras did) when it is not there: a
 * misspelt monitor then shows in the log instead of silently never stopping.
 */
final class Monitored {

  private static final Logger LOG = LoggerFactory.getLogger(Monitored.class);

  private Monitored() {}

  /** The value, or {@code null} when the row lacks it. */
  static Double value(String who, String monitor, Map<String, Double> metrics) {
    Double v = metrics.get(monitor);
    if (v == null) {
      LOG.warn(
          "{} conditioned on metric `{}` which is not available. Available metrics are: {}",
          who,
          monitor,
          String.join(",", metrics.keySet()));
    }
    return v;
  }
}
