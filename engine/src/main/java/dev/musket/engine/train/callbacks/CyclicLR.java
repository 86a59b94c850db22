package dev.musket.engine.train.callbacks;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Cycles the learning rate between {@code base_lr} and {@code max_lr} (Smith's cyclical learning
 * rates), as Bradley Kenstler's Keras callback that Musket ships does.
 *
 * <p>After every batch, with {@code i} batches done in this stage:
 *
 * <pre>
 * cycle = floor(1 + i / (2 * step_size))
 * x     = |i / step_size - 2 * cycle + 1|
 * lr    = base_lr + (max_lr - base_lr) * max(0, 1 - x) * scale(cycle or i)
 * </pre>
 *
 * with {@code scale = 1} (triangular), {@code 1 / 2^(cycle - 1)} (triangular2, per cycle) or {@code
 * gamma^i} (exp_range, per iteration). The stage starts at {@code base_lr}.
 *
 * <p>In the Python original {@code scale_mode} only mattered with a custom {@code scale_fn}, which
 * YAML cannot express; here a {@code scale_mode} written in the config chooses the argument of the
 * mode's scale function, and when it is omitted each mode keeps its own (so existing configs train
 * as before).
 */
public final class CyclicLR implements TrainingCallback {

  /** The three policies of the paper. */
  public enum Mode {
    TRIANGULAR,
    TRIANGULAR2,
    EXP_RANGE;

    public static Mode parse(String text) {
      return Mode.valueOf(text.toUpperCase(Locale.ROOT));
    }

    boolean scalesPerCycleByDefault() {
      return this != EXP_RANGE;
    }
  }

  private final double baseLr;
  private final double maxLr;
  private final double stepSize;
  private final Mode mode;
  private final double gamma;
  private final boolean scalePerCycle;

  private LearningRateControl lr;
  private long clrIterations;
  private long trainIterations;

  /**
   * @param scaleMode {@code cycle}, {@code iterations}, or {@code null} for the mode's own
   */
  public CyclicLR(
      double baseLr, double maxLr, double stepSize, Mode mode, double gamma, String scaleMode) {
    if (stepSize <= 0) {
      throw new IllegalArgumentException("step_size must be above 0, got " + stepSize);
    }
    this.baseLr = baseLr;
    this.maxLr = maxLr;
    this.stepSize = stepSize;
    this.mode = mode;
    this.gamma = gamma;
    this.scalePerCycle =
        scaleMode == null ? mode.scalesPerCycleByDefault() : scaleMode.equals("cycle");
  }

  /** The rate after {@code iterations} batches of this stage. */
  public double rateAt(long iterations) {
    double cycle = Math.floor(1 + iterations / (2 * stepSize));
    double x = Math.abs(iterations / stepSize - 2 * cycle + 1);
    double scale = scale(scalePerCycle ? cycle : iterations);
    return baseLr + (maxLr - baseLr) * Math.max(0, 1 - x) * scale;
  }

  private double scale(double arg) {
    return switch (mode) {
      case TRIANGULAR -> 1.0;
      case TRIANGULAR2 -> 1 / Math.pow(2.0, arg - 1);
      case EXP_RANGE -> Math.pow(gamma, arg);
    };
  }

  @Override
  public void onStageStart(StageContext context) {
    lr = context.learningRate();
    lr.setLearningRate(clrIterations == 0 ? baseLr : rateAt(clrIterations));
  }

  @Override
  public void onBatchEnd(int batch, double loss) {
    trainIterations++;
    clrIterations++;
    lr.setLearningRate(rateAt(clrIterations));
  }

  public long iterations() {
    return clrIterations;
  }

  @Override
  public Map<String, Object> state() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("clrIterations", clrIterations);
    s.put("trainIterations", trainIterations);
    return s;
  }

  @Override
  public void restoreState(Map<String, Object> state) {
    clrIterations = StateMaps.longValue(state, "clrIterations", clrIterations);
    trainIterations = StateMaps.longValue(state, "trainIterations", trainIterations);
    if (lr != null && clrIterations > 0) {
      lr.setLearningRate(rateAt(clrIterations));
    }
  }
}
