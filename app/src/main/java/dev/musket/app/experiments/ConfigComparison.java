package dev.musket.app.experiments;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Two experiments' configs side by side: every flattened key with both values (the differing ones
 * marked, by the same flattening analyze uses, so common.yaml's merged keys count) and the raw
 * texts' line diff.
 */
public record ConfigComparison(
    ExperimentRow left, ExperimentRow right, List<KeyDiff> keys, List<LineDiff.Line> lines) {

  /** One key; a value is null where that config lacks the key. */
  public record KeyDiff(String key, String left, String right) {
    public boolean differs() {
      return !Objects.equals(left, right);
    }
  }

  public ConfigComparison {
    keys = List.copyOf(keys);
    lines = List.copyOf(lines);
  }

  public static ConfigComparison of(ExperimentRow left, ExperimentRow right) {
    Set<String> all = new LinkedHashSet<>(left.config().keySet());
    all.addAll(right.config().keySet());
    List<KeyDiff> keys = new ArrayList<>();
    for (String k : all) {
      keys.add(new KeyDiff(k, left.config().get(k), right.config().get(k)));
    }
    return new ConfigComparison(
        left, right, keys, LineDiff.of(left.configText(), right.configText()));
  }

  /** The keys whose values differ, in the configs' order. */
  public List<String> differingKeys() {
    return keys.stream().filter(KeyDiff::differs).map(KeyDiff::key).toList();
  }
}
