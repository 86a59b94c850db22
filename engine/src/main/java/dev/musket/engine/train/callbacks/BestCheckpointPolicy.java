package dev.musket.engine.train.callbacks;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when the automatic checkpoint {@code weights/best-<fold>.<stage>.weights} is written:
 * Musket always adds Keras' {@code ModelCheckpoint(save_best_only=True, monitor=primary_metric,
 * mode=primary_metric_mode)}, and this is its decision, without the saving (the trainer saves).
 *
 * <p>Keras 2.2.4's rules: strictly better than the best so far (no min_delta; NaN never is); {@code
 * auto} maximises names containing {@code acc} or starting with {@code fmeasure}; a missing metric
 * is warned about and skipped. On resume the best comes back from the resume state or the metrics
 * CSV, so a resumed stage does not overwrite a better checkpoint with a worse one.
 */
public final class BestCheckpointPolicy {

  private static final Logger LOG = LoggerFactory.getLogger(BestCheckpointPolicy.class);

  private final String monitor;
  private final MonitorMode mode;
  private double best;

  public BestCheckpointPolicy(String primaryMetric, String primaryMetricMode) {
    this.monitor = primaryMetric;
    this.mode = MonitorMode.resolveForCheckpoint(primaryMetricMode, primaryMetric);
    this.best = mode.worst();
  }

  public String monitor() {
    return monitor;
  }

  public MonitorMode mode() {
    return mode;
  }

  public double best() {
    return best;
  }

  /**
   * Whether the weights after this epoch must be saved as the new best; remembers the new best when
   * so.
   */
  public boolean shouldSave(int epoch, Map<String, Double> metrics) {
    Double current = metrics.get(monitor);
    if (current == null) {
      LOG.warn("Can save best model only with {} available, skipping.", monitor);
      return false;
    }
    boolean better = mode == MonitorMode.MAX ? current > best : current < best;
    if (better) {
      LOG.info(
          "Epoch {}: {} improved from {} to {}, saving the best weights",
          String.format("%05d", epoch + 1),
          monitor,
          best,
          current);
      best = current;
    } else {
      LOG.info(
          "Epoch {}: {} did not improve from {}", String.format("%05d", epoch + 1), monitor, best);
    }
    return better;
  }

  /** Sets the best so far, e.g. from the metrics CSV of an interrupted stage. */
  public void restoreBest(double value) {
    best = value;
  }

  public Map<String, Object> state() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("best", best);
    return s;
  }

  public void restoreState(Map<String, Object> state) {
    best = StateMaps.number(state, "best", best);
  }
}
