package dev.musket.engine.train.callbacks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Musket's learning-rate shaper ({@code LRVariator} on {@code CallbackModule}): moves the rate from
 * {@code fromVal} to {@code toVal} along a {@link LrCurve} over a window of batches, optionally
 * repeated every period, then hands over to a chained {@code then} callback.
 *
 * <p>The rules, from {@code callback_module.py} and {@code lr_variation_callback.py}:
 *
 * <ul>
 *   <li>{@code step = stepsPerEpoch * epoch + batch}; with a period, {@code cyclicStep = step mod
 *       period}, else {@code step}.
 *   <li>The window is {@code [startStep, startStep + ownSteps)}, with {@code ownSteps = absSize} or
 *       {@code round-half-up(relSize * stepsPerEpoch)}; {@code startStep} is 0, or the end of the
 *       window before it in a {@code then} chain.
 *   <li>The period is {@code periodEpochs * stepsPerEpoch} or {@code periodSteps}; a chained
 *       callback inherits its parent's period.
 *   <li>After each batch inside the window, {@code lr = max(0, from + curve(x) * (to - from))} with
 *       {@code x = (cyclicStep - startStep) / (ownSteps - 1)}; a one-batch window jumps to {@code
 *       to}.
 *   <li>{@code fromVal} defaults to the rate in force at the window's first batch.
 *   <li>{@code then} receives every event; a chained LRVariator acts only in its own window, any
 *       other callback (e.g. ReduceLROnPlateau) acts from the start, as in Musket.
 * </ul>
 */
public final class LRVariator implements TrainingCallback {

  private final Double configuredFrom;
  private final double toVal;
  private final LrCurve curve;
  private final Double relSize;
  private final Integer absSize;
  private final Double periodEpochs;
  private final Integer periodSteps;
  private final TrainingCallback then;

  private LearningRateControl lr;
  private int stepsPerEpoch;
  private double startStep;
  private long ownSteps;
  private double endStep;
  private Double period;
  private int epoch;
  private int batch;
  private double cyclicStep;
  private Double fromVal;

  /**
   * @param relSize window in epochs (fractions allowed); exactly one of relSize and absSize
   * @param absSize window in batches
   * @param then the chained callback, or {@code null}
   */
  public LRVariator(
      Double fromVal,
      double toVal,
      LrCurve curve,
      Double relSize,
      Integer absSize,
      Double periodEpochs,
      Integer periodSteps,
      TrainingCallback then) {
    if ((relSize == null) == (absSize == null)) {
      throw new IllegalArgumentException(
          relSize == null
              ? "'absSize' or 'relSize' must be specified for LRVariator"
              : "'absSize' and 'relSize' are mutually exclusive for LRVariator");
    }
    if (periodEpochs != null && periodSteps != null) {
      throw new IllegalArgumentException(
          "'periodEpochs' and 'periodSteps' are mutually exclusive for LRVariator");
    }
    this.configuredFrom = fromVal;
    this.toVal = toVal;
    this.curve = curve;
    this.relSize = relSize;
    this.absSize = absSize;
    this.periodEpochs = periodEpochs;
    this.periodSteps = periodSteps;
    this.then = then;
  }

  @Override
  public void onStageStart(StageContext context) {
    start(context, 0, null);
  }

  private void start(StageContext context, double start, Double inheritedPeriod) {
    lr = context.learningRate();
    stepsPerEpoch = context.stepsPerEpoch();
    startStep = start;
    ownSteps = absSize != null ? absSize : (long) (relSize * stepsPerEpoch + 0.5);
    endStep = startStep + ownSteps;
    if (inheritedPeriod != null) {
      period = inheritedPeriod;
    } else if (periodEpochs != null) {
      period = stepsPerEpoch * periodEpochs;
    } else if (periodSteps != null) {
      period = (double) periodSteps;
    } else {
      period = null;
    }
    fromVal = configuredFrom;
    epoch = 0;
    batch = 0;
    recalcPosition();
    if (then instanceof LRVariator chained) {
      chained.start(context, endStep, period);
    } else if (then != null) {
      then.onStageStart(context);
    }
  }

  private void recalcPosition() {
    double step = (double) stepsPerEpoch * epoch + batch;
    cyclicStep = period == null ? step : step % period;
  }

  private boolean applicable() {
    return cyclicStep >= startStep && cyclicStep < endStep;
  }

  /** The rate this window sets after the batch at {@code cyclicStep}. */
  double rateAt(double step) {
    if (fromVal == null) {
      fromVal = lr.learningRate();
    }
    double x = ownSteps <= 1 ? 1.0 : (step - startStep) / (ownSteps - 1);
    return Math.max(fromVal + curve.at(x) * (toVal - fromVal), 0.0);
  }

  @Override
  public void onEpochStart(int epoch) {
    this.epoch = epoch;
    this.batch = 0;
    recalcPosition();
    if (then != null) {
      then.onEpochStart(epoch);
    }
  }

  @Override
  public void onBatchStart(int batch) {
    this.batch = batch;
    recalcPosition();
    if (then != null) {
      then.onBatchStart(batch);
    }
  }

  @Override
  public void onBatchEnd(int batch, double loss) {
    if (applicable()) {
      lr.setLearningRate(rateAt(cyclicStep));
    }
    if (then != null) {
      then.onBatchEnd(batch, loss);
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> metrics) {
    if (then != null) {
      then.onEpochEnd(epoch, metrics);
    }
  }

  @Override
  public boolean shouldStop() {
    return then != null && then.shouldStop();
  }

  @Override
  public void onStageEnd() {
    if (then != null) {
      then.onStageEnd();
    }
  }

  @Override
  public Map<String, Object> state() {
    Map<String, Object> s = new LinkedHashMap<>();
    if (fromVal != null) {
      s.put("fromVal", fromVal);
    }
    if (then != null) {
      s.put("then", then.state());
    }
    return s;
  }

  @Override
  public void restoreState(Map<String, Object> state) {
    Double from = StateMaps.numberOrNull(state, "fromVal");
    if (from != null) {
      fromVal = from;
    }
    if (then != null) {
      then.restoreState(StateMaps.map(state, "then"));
    }
  }

  /** The chained callback, or {@code null}. */
  public TrainingCallback then() {
    return then;
  }
}
