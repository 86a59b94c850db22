package dev.musket.engine.config.validate.checks;

import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.validate.CheckContext;
import dev.musket.engine.config.validate.ConfigCheck;
import dev.musket.engine.config.validate.ProjectNames;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A metric that a callback monitors, or that picks the best weights, must be computed: otherwise
 * Keras-style training silently never checkpoints, never stops early, never reduces the lr. The
 * names computed are {@code loss}, the {@code metrics} and the {@code final_metrics}, each also
 * with {@code val_} and {@code _holdout}, and per output in multi-output networks. Also warns when
 * the mode contradicts the metric (a loss monitored with mode max).
 */
public final class MonitoredMetricCheck implements ConfigCheck {

  private static final String DEFAULT_PRIMARY = "val_binary_accuracy";

  @Override
  public void check(CheckContext c) {
    Set<String> computed = computedBases(c);
    ConfigNode primary = c.get("primary_metric").orElse(null);
    if (primary instanceof ConfigNode.Scalar s && s.isString()) {
      monitored(c, computed, s, "primary_metric", c.get("primary_metric_mode").orElse(null));
    } else if (primary == null && !isComputed(base(DEFAULT_PRIMARY), computed)) {
      c.sink()
          .warning(
              c.root(),
              "primary_metric is not set, and its default "
                  + DEFAULT_PRIMARY
                  + " is never computed (add binary_accuracy to 'metrics' or set primary_metric,"
                  + " e.g. val_loss); no best weights would be kept");
    }
    for (ConfigNode.Mapping callbacks : CallbackArgumentsCheck.callbackMaps(c)) {
      for (ConfigNode.Entry e : callbacks.entries()) {
        if (e.value() instanceof ConfigNode.Mapping args
            && args.get("monitor").orElse(null) instanceof ConfigNode.Scalar monitor
            && monitor.isString()) {
          monitored(c, computed, monitor, e.key(), args.get("mode").orElse(null));
        }
      }
    }
  }

  private void monitored(
      CheckContext c, Set<String> computed, ConfigNode.Scalar metric, String who, ConfigNode mode) {
    String name = metric.asText();
    String base = base(name);
    boolean knownName =
        c.schema().metrics().contains(base)
            || c.schema().losses().contains(base)
            || c.project().defines(ProjectNames.Kind.METRIC, base)
            || c.project().defines(ProjectNames.Kind.LOSS, base)
            || computed.contains(base);
    if (knownName && !isComputed(base, computed)) {
      c.sink()
          .warning(
              metric,
              who
                  + " monitors '"
                  + name
                  + "', which is never computed; add "
                  + base
                  + " to 'metrics' or monitor one of: "
                  + String.join(", ", monitorable(computed)));
    }
    if (mode instanceof ConfigNode.Scalar m && m.isString()) {
      boolean lossLike =
          base.equals("loss") || base.endsWith("_loss") || base.equals("mse") || base.equals("mae");
      if (lossLike && m.asText().equals("max")) {
        c.sink()
            .warning(
                m,
                who
                    + " watches '"
                    + name
                    + "' with mode max, but a loss improves when it falls;"
                    + " use mode min (or auto)");
      }
    }
  }

  private static Set<String> computedBases(CheckContext c) {
    Set<String> out = new HashSet<>();
    out.add("loss");
    out.add("lr");
    addNames(c.get("metrics").orElse(null), out);
    ConfigNode finals = c.get("final_metrics").orElse(null);
    if (finals instanceof ConfigNode.Sequence seq) {
      for (ConfigNode item : seq.items()) {
        if (item instanceof ConfigNode.Mapping m) {
          out.addAll(m.keys());
        } else {
          addNames(item, out);
        }
      }
    } else {
      addNames(finals, out);
    }
    Set<String> lowered = new HashSet<>();
    out.forEach(n -> lowered.add(n.toLowerCase(Locale.ROOT)));
    return lowered;
  }

  private static void addNames(ConfigNode node, Set<String> out) {
    if (node instanceof ConfigNode.Scalar s && s.isString()) {
      out.add(s.asText());
    } else if (node instanceof ConfigNode.Sequence seq) {
      for (ConfigNode item : seq.items()) {
        if (item instanceof ConfigNode.Scalar s && s.isString()) {
          out.add(s.asText());
        }
      }
    }
  }

  /** Computed directly, or per output ({@code output_1_categorical_accuracy}). */
  private static boolean isComputed(String base, Set<String> computed) {
    String b = base.toLowerCase(Locale.ROOT);
    if (computed.contains(b)) {
      return true;
    }
    for (String m : computed) {
      if (b.endsWith("_" + m)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> monitorable(Set<String> computed) {
    return computed.stream().filter(n -> !n.equals("lr")).sorted().map(n -> "val_" + n).toList();
  }

  private static String base(String name) {
    String n = name.startsWith("val_") ? name.substring(4) : name;
    return n.endsWith("_holdout") ? n.substring(0, n.length() - 8) : n;
  }
}
