package dev.musket.engine.train.callbacks;

import dev.musket.engine.events.TrainingEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a stage when the monitored metric has stopped improving: Keras 2.2.4's {@code
 * EarlyStopping}, rule for rule.
 *
 * <ul>
 *   <li>An epoch improves when {@code current - delta} beats {@code best}, where {@code delta} is
 *       {@code +min_delta} when maximising and {@code -min_delta} when minimising (Keras flips the
 *       sign, so an improvement must beat best by at least {@code |min_delta|}).
 *   <li>{@code best} starts at {@code baseline} when given, else at the worst value.
 *   <li>After {@code patience} epochs without improvement ({@code wait >= patience}, so patience 0
 *       stops at the first non-improving epoch) the stage stops; with {@code restore_best_weights}
 *       the weights of the best epoch are put back first (if an epoch ever improved; Keras crashed
 *       there, we keep the current weights).
 *   <li>A missing monitor is warned about and ignored for that epoch.
 * </ul>
 */
public final class EarlyStopping implements TrainingCallback {

  private static final Logger LOG = LoggerFactory.getLogger(EarlyStopping.class);

  private final String monitor;
  private final int patience;
  private final MonitorMode mode;
  private final double signedMinDelta;
  private final Double baseline;
  private final boolean restoreBestWeights;

  private StageContext context;
  private double best;
  private int wait;
  private int stoppedEpoch;
  private int bestEpoch = -1;
  private boolean stop;
  private ModelWeights.Snapshot bestWeights;

  public EarlyStopping(
      String monitor,
      int patience,
      String mode,
      double minDelta,
      Double baseline,
      boolean restoreBestWeights) {
    this.monitor = monitor;
    this.patience = patience;
    this.mode = MonitorMode.resolve(mode, monitor);
    this.signedMinDelta = this.mode == MonitorMode.MAX ? minDelta : -minDelta;
    this.baseline = baseline;
    this.restoreBestWeights = restoreBestWeights;
    reset();
  }

  private void reset() {
    wait = 0;
    stoppedEpoch = 0;
    bestEpoch = -1;
    stop = false;
    bestWeights = null;
    best = baseline != null ? baseline : mode.worst();
  }

  public MonitorMode mode() {
    return mode;
  }

  public double best() {
    return best;
  }

  public int waitCount() {
    return wait;
  }

  @Override
  public void onStageStart(StageContext ctx) {
    this.context = ctx;
    reset();
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> metrics) {
    Double current = Monitored.value("Early stopping", monitor, metrics);
    if (current == null) {
      return;
    }
    if (improves(current)) {
      best = current;
      bestEpoch = epoch;
      wait = 0;
      if (restoreBestWeights && context != null) {
        bestWeights = context.weights().snapshot();
      }
      return;
    }
    wait++;
    if (wait >= patience) {
      stoppedEpoch = epoch;
      stop = true;
      if (restoreBestWeights) {
        if (bestWeights != null) {
          LOG.info("Restoring model weights from the end of the best epoch ({})", bestEpoch + 1);
          bestWeights.restore();
        } else {
          LOG.warn("No epoch improved on {}; keeping the current weights", best);
        }
      }
      if (context != null) {
        context
            .listener()
            .onEvent(
                new TrainingEvent.EarlyStopped(
                    context.experiment(), context.fold(), context.stage(), epoch, monitor, best));
      }
    }
  }

  private boolean improves(double current) {
    double shifted = current - signedMinDelta;
    return mode == MonitorMode.MAX ? shifted > best : shifted < best;
  }

  @Override
  public boolean shouldStop() {
    return stop;
  }

  @Override
  public void onStageEnd() {
    if (stop) {
      LOG.info("Epoch {}: early stopping", String.format("%05d", stoppedEpoch + 1));
    }
  }

  @Override
  public Map<String, Object> state() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("best", best);
    s.put("wait", wait);
    s.put("bestEpoch", bestEpoch);
    return s;
  }

  /**
   * Restores best value and patience counter. The in-memory best weights are gone after a kill; the
   * current weights stand in for them (the resumed stage starts from its best checkpoint).
   */
  @Override
  public void restoreState(Map<String, Object> state) {
    best = StateMaps.number(state, "best", best);
    wait = StateMaps.integer(state, "wait", wait);
    bestEpoch = StateMaps.integer(state, "bestEpoch", bestEpoch);
    if (restoreBestWeights && context != null && bestEpoch >= 0) {
      bestWeights = context.weights().snapshot();
    }
  }
}
