package dev.musket.engine.train.metric;

import dev.musket.engine.train.loss.LossRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Metrics by the names a Musket config uses, resolved case-insensitively; every loss name is also a
 * metric, as in Keras. Project code adds metrics with {@link #register}; a registered name shadows
 * a built-in one.
 *
 * <p>{@link #create} gives the metric as Keras computes it during training; {@link
 * #createForEvaluation} gives it as Musket's summary computes it on stored predictions, thresholded
 * at 0.5 first unless the metric opts out (Musket's {@code need_threshold}).
 */
public final class MetricRegistry {

  private record Entry(MetricFactory factory, boolean thresholdForEvaluation) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final LossRegistry losses;

  private MetricRegistry(LossRegistry losses) {
    this.losses = losses;
  }

  public static MetricRegistry withBuiltIns() {
    return withBuiltIns(LossRegistry.withBuiltIns());
  }

  /** The built-ins; names that are not metrics fall back to {@code losses}. */
  public static MetricRegistry withBuiltIns(LossRegistry losses) {
    MetricRegistry r = new MetricRegistry(losses);
    r.register("binary_accuracy", (n, c) -> new BinaryAccuracy(n));
    r.register("categorical_accuracy", (n, c) -> new CategoricalAccuracy(n));
    r.register("sparse_categorical_accuracy", (n, c) -> new SparseCategoricalAccuracy(n));
    r.register("accuracy", MetricRegistry::accuracy);
    r.register("acc", MetricRegistry::accuracy);
    r.register("macro_f1", (n, c) -> new MacroF1(n));
    r.register("f1", (n, c) -> new F1Score(n));
    r.register("precision", (n, c) -> new Precision(n));
    r.register("recall", (n, c) -> new Recall(n));
    r.register("auc", (n, c) -> new RocAuc(n), false);
    r.register("mse", (n, c) -> new MeanSquaredErrorMetric(n));
    r.register("mean_squared_error", (n, c) -> new MeanSquaredErrorMetric(n));
    r.register("mae", (n, c) -> new MeanAbsoluteErrorMetric(n));
    r.register("mean_absolute_error", (n, c) -> new MeanAbsoluteErrorMetric(n));
    r.register("matthews_correlation", (n, c) -> new MatthewsCorrelation(n));
    r.register("dice", (n, c) -> new DiceCoefficient(n));
    r.register("iou", (n, c) -> new IouCoefficient(n));
    r.register("iou_coef", (n, c) -> new IouCoefficient(n));
    // Musket marks these two need_threshold = False.
    r.register("log_loss", (n, c) -> new LossAsMetric(n, losses.resolve("log_loss")), false);
    r.register(
        "binary_crossentropy",
        (n, c) -> new LossAsMetric(n, losses.resolve("binary_crossentropy")),
        false);
    return r;
  }

  /**
   * Keras 2.2.4's rule for {@code accuracy}: binary for a one-output head or a binary cross-entropy
   * loss, sparse for a sparse cross-entropy loss, else categorical. One deliberate difference: a
   * sigmoid head counts as binary even under a composite loss (Keras would pick categorical
   * accuracy because the composite is not {@code binary_crossentropy} itself).
   */
  private static Metric accuracy(String name, MetricContext c) {
    if (c.outputWidth() == 1 || c.lossIs("binary_crossentropy")) {
      return new BinaryAccuracy(name);
    }
    if (c.lossIs("sparse_categorical_crossentropy")) {
      return new SparseCategoricalAccuracy(name);
    }
    if (c.activation().equals("sigmoid")) {
      return new BinaryAccuracy(name);
    }
    return new CategoricalAccuracy(name);
  }

  /** Adds or replaces a metric that Musket's summary evaluates on thresholded predictions. */
  public void register(String name, MetricFactory factory) {
    register(name, factory, true);
  }

  /**
   * Adds or replaces a metric.
   *
   * @param thresholdForEvaluation whether summaries feed it predictions thresholded at 0.5
   */
  public void register(String name, MetricFactory factory, boolean thresholdForEvaluation) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("a metric needs a name");
    }
    entries.put(key(name), new Entry(factory, thresholdForEvaluation));
  }

  public boolean isKnown(String name) {
    return entries.containsKey(key(name)) || losses.isKnown(name);
  }

  /** Metric and loss names, lower-case and sorted. */
  public Set<String> names() {
    Set<String> all = new TreeSet<>(entries.keySet());
    all.addAll(losses.names());
    return all;
  }

  /** A fresh metric, as computed during training; reported under {@code name} as written. */
  public Metric create(String name, MetricContext context) {
    Entry entry = entries.get(key(name));
    if (entry != null) {
      return entry.factory().create(name, context);
    }
    if (losses.isKnown(name)) {
      return new LossAsMetric(name, losses.resolve(name));
    }
    throw new UnknownMetricException(name, names());
  }

  /** A fresh metric as Musket's summaries compute it on stored predictions. */
  public Metric createForEvaluation(String name, MetricContext context) {
    Metric metric = create(name, context);
    Entry entry = entries.get(key(name));
    boolean threshold = entry == null || entry.thresholdForEvaluation();
    return threshold ? new ThresholdedMetric(metric) : metric;
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
