package dev.musket.engine.train.callbacks;

import dev.musket.engine.events.TrainingEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Multiplies the learning rate by {@code factor} when the monitored metric has stopped improving:
 * Keras 2.2.4's {@code ReduceLROnPlateau}, rule for rule.
 *
 * <ul>
 *   <li>Improvement: {@code current < best - min_delta} when minimising, {@code current > best +
 *       min_delta} when maximising ({@code auto}: maximise only names containing {@code acc}).
 *   <li>During cooldown each epoch counts the cooldown down and clears {@code wait}; an epoch that
 *       does not improve adds to {@code wait} only outside cooldown.
 *   <li>At {@code wait >= patience}, if the rate is above {@code min_lr}: {@code lr = max(lr *
 *       factor, min_lr)}, cooldown restarts and wait clears. At {@code min_lr} already, nothing
 *       changes (and wait keeps growing, as in Keras).
 * </ul>
 */
public final class ReduceLROnPlateau implements TrainingCallback {

  private static final Logger LOG = LoggerFactory.getLogger(ReduceLROnPlateau.class);

  private final String monitor;
  private final double factor;
  private final int patience;
  private final MonitorMode mode;
  private final double minDelta;
  private final int cooldown;
  private final double minLr;

  private StageContext context;
  private double best;
  private int wait;
  private int cooldownCounter;

  public ReduceLROnPlateau(
      String monitor,
      double factor,
      int patience,
      String mode,
      double minDelta,
      int cooldown,
      double minLr) {
    if (factor >= 1.0) {
      throw new IllegalArgumentException("ReduceLROnPlateau does not support a factor >= 1.0.");
    }
    this.monitor = monitor;
    this.factor = factor;
    this.patience = patience;
    this.mode = MonitorMode.resolve(mode, monitor);
    this.minDelta = minDelta;
    this.cooldown = cooldown;
    this.minLr = minLr;
    reset();
  }

  private void reset() {
    best = mode.worst();
    wait = 0;
    cooldownCounter = 0;
  }

  @Override
  public void onStageStart(StageContext ctx) {
    this.context = ctx;
    reset();
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> metrics) {
    Double current = Monitored.value("Reduce LR on plateau", monitor, metrics);
    if (current == null || context == null) {
      return;
    }
    if (inCooldown()) {
      cooldownCounter--;
      wait = 0;
    }
    if (improves(current)) {
      best = current;
      wait = 0;
    } else if (!inCooldown()) {
      wait++;
      if (wait >= patience) {
        LearningRateControl lr = context.learningRate();
        double oldLr = lr.learningRate();
        if (oldLr > minLr) {
          double newLr = Math.max(oldLr * factor, minLr);
          lr.setLearningRate(newLr);
          LOG.info(
              "Epoch {}: ReduceLROnPlateau reducing learning rate to {}.",
              String.format("%05d", epoch + 1),
              newLr);
          context
              .listener()
              .onEvent(
                  new TrainingEvent.LearningRateChanged(
                      context.experiment(),
                      context.fold(),
                      context.stage(),
                      epoch,
                      oldLr,
                      newLr,
                      name()));
          cooldownCounter = cooldown;
          wait = 0;
        }
      }
    }
  }

  private boolean improves(double current) {
    return mode == MonitorMode.MIN ? current < best - minDelta : current > best + minDelta;
  }

  private boolean inCooldown() {
    return cooldownCounter > 0;
  }

  @Override
  public Map<String, Object> state() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("best", best);
    s.put("wait", wait);
    s.put("cooldownCounter", cooldownCounter);
    return s;
  }

  @Override
  public void restoreState(Map<String, Object> state) {
    best = StateMaps.number(state, "best", best);
    wait = StateMaps.integer(state, "wait", wait);
    cooldownCounter = StateMaps.integer(state, "cooldownCounter", cooldownCounter);
  }

  @Override
  public boolean reportsLearningRateChanges() {
    return true; // with its own name, old and new rate
  }
}
