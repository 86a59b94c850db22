package dev.musket.engine.train.callbacks;

import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether smaller or larger values of a monitored metric are better, with Keras 2.2.4's rules for
 * {@code mode: auto}.
 *
 * <p>Keras decided {@code auto} from the metric's name alone: EarlyStopping and ReduceLROnPlateau
 * took "larger is better" only when the name contains {@code acc}; ModelCheckpoint also when it
 * starts with {@code fmeasure}. Everything else, {@code val_macro_f1} and {@code val_auc} included,
 * was minimised. We keep those rules so a Musket config trains as it did, and warn when a name
 * looks like a score whose larger values are better.
 */
public enum MonitorMode {
  MIN,
  MAX;

  private static final Logger LOG = LoggerFactory.getLogger(MonitorMode.class);
  private static final Pattern LOOKS_LIKE_A_SCORE =
      Pattern.compile(".*(f1|fmeasure|auc|dice|iou|iot|precision|recall|matthews|map10|score).*");

  /** EarlyStopping's and ReduceLROnPlateau's rule. */
  public static MonitorMode resolve(String mode, String monitor) {
    return resolve(mode, monitor, false);
  }

  /** ModelCheckpoint's rule, used for the automatic best-weights checkpoint. */
  public static MonitorMode resolveForCheckpoint(String mode, String monitor) {
    return resolve(mode, monitor, true);
  }

  private static MonitorMode resolve(String mode, String monitor, boolean fmeasureToo) {
    String m = mode == null ? "auto" : mode.toLowerCase(Locale.ROOT);
    switch (m) {
      case "min":
        return MIN;
      case "max":
        return MAX;
      case "auto":
        break;
      default:
        LOG.warn("Mode '{}' is unknown, fallback to auto mode (as Keras did)", mode);
    }
    if (monitor.contains("acc") || (fmeasureToo && monitor.startsWith("fmeasure"))) {
      return MAX;
    }
    if (LOOKS_LIKE_A_SCORE.matcher(monitor.toLowerCase(Locale.ROOT)).matches()) {
      LOG.warn(
          "mode: auto treats '{}' as smaller-is-better, as Keras did (only names containing 'acc'"
              + " count as larger-is-better); write mode: max if larger is better",
          monitor);
    }
    return MIN;
  }

  /** The value a fresh monitor starts from: +inf when minimising, -inf when maximising. */
  public double worst() {
    return this == MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
  }
}
