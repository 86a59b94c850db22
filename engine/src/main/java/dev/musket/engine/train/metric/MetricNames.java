package dev.musket.engine.train.metric;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names metrics are logged and monitored under, as Musket (on Keras 2.2.4) writes them into its
 * metrics CSV files and summaries:
 *
 * <ul>
 *   <li>the metric's name as the config wrote it, e.g. {@code binary_accuracy};
 *   <li>a multi-output network names its heads {@code output_0}, {@code output_1}, ... and prefixes
 *       each head's metrics and loss with the head name, e.g. {@code output_1_binary_accuracy} and
 *       {@code output_1_loss}, as Keras prefixes output layer names; the total is {@code loss};
 *   <li>{@code val_} in front for validation, {@code _holdout} at the end for the holdout, e.g.
 *       {@code val_output_1_binary_accuracy}, {@code macro_f1_holdout}.
 * </ul>
 *
 * A single-output network has no head prefix, so its names match Musket's for existing configs.
 */
public final class MetricNames {

  /** The total training loss. */
  public static final String LOSS = "loss";

  private static final String VALIDATION_PREFIX = "val_";
  private static final String HOLDOUT_SUFFIX = "_holdout";
  private static final Pattern HEAD_PREFIX = Pattern.compile("^output_(\\d+)_(.+)$");

  private MetricNames() {}

  /** The name of head {@code output}'s layer: {@code output_<i>}. */
  public static String headName(int output) {
    return "output_" + output;
  }

  /** A head's metric: the bare name for one output, {@code output_<i>_<metric>} for several. */
  public static String forOutput(String metric, int output, int outputCount) {
    if (output < 0 || output >= outputCount) {
      throw new IllegalArgumentException(
          "output " + output + " of a network with " + outputCount + " outputs");
    }
    return outputCount == 1 ? metric : headName(output) + "_" + metric;
  }

  /** A head's loss: {@code loss} for one output, {@code output_<i>_loss} for several. */
  public static String outputLoss(int output, int outputCount) {
    return forOutput(LOSS, output, outputCount);
  }

  public static String validation(String name) {
    return VALIDATION_PREFIX + name;
  }

  public static String holdout(String name) {
    return name + HOLDOUT_SUFFIX;
  }

  /** {@code name} as logged for data of {@code scope}. */
  public static String scoped(String name, MetricScope scope) {
    return switch (scope) {
      case TRAINING -> name;
      case VALIDATION -> validation(name);
      case HOLDOUT -> holdout(name);
    };
  }

  /** The full name: head prefix, then scope. */
  public static String qualified(String metric, int output, int outputCount, MetricScope scope) {
    return scoped(forOutput(metric, output, outputCount), scope);
  }

  /** The scope a logged name belongs to. */
  public static MetricScope scopeOf(String name) {
    if (name.startsWith(VALIDATION_PREFIX)) {
      return MetricScope.VALIDATION;
    }
    return name.endsWith(HOLDOUT_SUFFIX) ? MetricScope.HOLDOUT : MetricScope.TRAINING;
  }

  /**
   * The metric's own name without scope and head prefix: {@code val_output_1_mae_holdout -> mae}.
   */
  public static String base(String name) {
    String n = name;
    if (n.startsWith(VALIDATION_PREFIX)) {
      n = n.substring(VALIDATION_PREFIX.length());
    }
    if (n.endsWith(HOLDOUT_SUFFIX)) {
      n = n.substring(0, n.length() - HOLDOUT_SUFFIX.length());
    }
    Matcher head = HEAD_PREFIX.matcher(n);
    return head.matches() ? head.group(2) : n;
  }

  /**
   * Whether a name is an error that training lowers: {@code loss}, {@code *_loss}, a cross-entropy,
   * {@code mse}/{@code mae} (and their long names).
   */
  public static boolean isLossLike(String name) {
    String base = base(name).toLowerCase(Locale.ROOT);
    return base.equals(LOSS)
        || base.endsWith("_loss")
        || base.endsWith("crossentropy")
        || base.equals("mse")
        || base.equals("mae")
        || base.equals("mean_squared_error")
        || base.equals("mean_absolute_error");
  }

  /**
   * {@code primary_metric_mode} (or a callback's {@code mode}) resolved for a monitored name:
   * {@code min}/{@code max} as given; {@code auto} (or none) is min for loss-like names and max
   * otherwise.
   *
   * <p>Keras' own {@code auto} is max only for names containing "acc", which would minimise {@code
   * val_macro_f1} or {@code val_dice}; this rule follows what the names mean instead.
   */
  public static MetricMode mode(String monitored, String mode) {
    String m = mode == null ? "auto" : mode.strip().toLowerCase(Locale.ROOT);
    return switch (m) {
      case "min" -> MetricMode.MIN;
      case "max" -> MetricMode.MAX;
      case "auto" -> isLossLike(monitored) ? MetricMode.MIN : MetricMode.MAX;
      default ->
          throw new IllegalArgumentException(
              "mode '" + mode + "' for '" + monitored + "': use auto, min or max");
    };
  }
}
