package dev.musket.engine.data.split;

import dev.musket.engine.data.DataSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A stage's {@code negatives} / {@code validation_negatives}: {@code none} (positives only), {@code
 * real} or {@code all} (everything, the default), or a number N (all positives plus round(N x
 * positives) negatives, shuffled with Musket's seed 23232). Positives are {@link
 * DataSet#isPositive}.
 */
public record Negatives(Kind kind, double ratio) {
  /** Musket's seed for the negatives shuffle. */
  public static final long SEED = 23232;

  public static final Negatives ALL = new Negatives(Kind.ALL, 0);

  /** The three forms. */
  public enum Kind {
    NONE,
    ALL,
    RATIO
  }

  /** Parses a config value: a string (none, real, all) or a number. */
  public static Negatives parse(Object value) {
    if (value == null) {
      return ALL;
    }
    if (value instanceof Number n) {
      if (n.doubleValue() < 0) {
        throw new IllegalArgumentException(
            "negatives must be none, real or a number >= 0, got " + n);
      }
      return new Negatives(Kind.RATIO, n.doubleValue());
    }
    return switch (value.toString().toLowerCase(Locale.ROOT)) {
      case "none" -> new Negatives(Kind.NONE, 0);
      case "real", "all" -> ALL;
      default ->
          throw new IllegalArgumentException(
              "negatives must be none, real or a number, got '" + value + "'");
    };
  }

  /** The indices a stage trains (or validates) on, in ascending order. */
  public int[] select(int[] indices, DataSet ds) {
    if (kind == Kind.ALL) {
      return indices.clone();
    }
    List<Integer> positives = new ArrayList<>();
    List<Integer> negatives = new ArrayList<>();
    for (int i : indices) {
      (ds.isPositive(i) ? positives : negatives).add(i);
    }
    List<Integer> chosen = new ArrayList<>(positives);
    if (kind == Kind.RATIO) {
      // shuffled as numpy's np.random.seed(23232); np.random.shuffle(...), as Musket does
      int[] neg = negatives.stream().mapToInt(Integer::intValue).toArray();
      new NumpyRandomState(SEED).shuffle(neg);
      int count = (int) Math.min(neg.length, Math.round(ratio * positives.size()));
      for (int k = 0; k < count; k++) {
        chosen.add(neg[k]);
      }
    }
    int[] out = chosen.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(out);
    return out;
  }
}
