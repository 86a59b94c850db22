package dev.musket.engine.analysis;

import dev.musket.engine.config.ConfigNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Flattens a config into {@code key -> value} pairs the way Musket's analyze does, so that configs
 * can be compared key by key: nested maps become dotted keys ({@code
 * callbacks.EarlyStopping.patience}), lists of scalars one value ({@code [224, 224, 3]}), lists of
 * maps indexed keys ({@code stages.0.epochs}). Public because the workbench marks the keys that
 * differ between two experiments by the same rule.
 */
public final class ConfigFlattener {

  private ConfigFlattener() {}

  /** The config's {@code key -> value} pairs, in document order. */
  public static Map<String, String> flatten(ConfigNode root) {
    Map<String, String> out = new LinkedHashMap<>();
    flatten("", root, out);
    return out;
  }

  private static void flatten(String prefix, ConfigNode node, Map<String, String> out) {
    if (node instanceof ConfigNode.Mapping map) {
      if (map.entries().isEmpty() && !prefix.isEmpty()) {
        out.put(prefix, "{}");
      }
      for (ConfigNode.Entry e : map.entries()) {
        flatten(prefix.isEmpty() ? e.key() : prefix + "." + e.key(), e.value(), out);
      }
    } else if (node instanceof ConfigNode.Sequence seq) {
      boolean scalars = seq.items().stream().allMatch(i -> i instanceof ConfigNode.Scalar);
      if (scalars) {
        StringBuilder b = new StringBuilder("[");
        for (ConfigNode item : seq.items()) {
          b.append(b.length() > 1 ? ", " : "").append(((ConfigNode.Scalar) item).text());
        }
        out.put(prefix, b.append(']').toString());
      } else {
        for (int i = 0; i < seq.items().size(); i++) {
          flatten(prefix + "." + i, seq.items().get(i), out);
        }
      }
    } else if (node instanceof ConfigNode.Scalar s) {
      out.put(prefix, s.isNull() ? "null" : s.text());
    }
  }
}
