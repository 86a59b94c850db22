package dev.musket.engine.config.schema;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?": the closest candidate by edit distance, ignoring case and underscores. */
public final class Suggestions {

  private Suggestions() {}

  public static Optional<String> closest(String wrong, Collection<String> candidates) {
    String w = normalize(wrong);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(w, normalize(c));
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    // A typo changes a few characters; beyond a third of the word it is another word.
    int allowed = Math.max(1, Math.min(3, (w.length() + 1) / 3));
    if (best != null && normalize(best).startsWith(w) && w.length() >= 3) {
      return Optional.of(best);
    }
    return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  private static String normalize(String s) {
    return s.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
  }

  /** Damerau-Levenshtein distance (optimal string alignment): a swap of two letters costs 1. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
