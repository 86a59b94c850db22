package dev.musket.app.experiments;

import java.util.ArrayList;
import java.util.List;

/**
 * A line-level diff of two texts for the side-by-side view: the longest common subsequence of
 * lines, then aligned rows where a run of removed lines facing a run of added ones pairs up as
 * changed lines, so both sides keep the same height and scroll together.
 */
public final class LineDiff {

  /** Above this many line pairs the quadratic table is too big; lines are compared in place. */
  static final long MAX_CELLS = 4_000_000;

  public enum Kind {
    SAME,
    CHANGED,
    REMOVED,
    ADDED
  }

  /**
   * One aligned row; a side without a line has a null text and line number 0.
   *
   * @param leftNumber 1-based line number on the left, 0 when absent
   */
  public record Line(int leftNumber, String left, int rightNumber, String right, Kind kind) {}

  private LineDiff() {}

  public static List<Line> of(String leftText, String rightText) {
    String[] a = lines(leftText);
    String[] b = lines(rightText);
    if ((long) a.length * b.length > MAX_CELLS) {
      return inPlace(a, b);
    }
    int[][] lcs = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        lcs[i][j] =
            a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Line> out = new ArrayList<>();
    List<Integer> removed = new ArrayList<>();
    List<Integer> added = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        flush(a, b, removed, added, out);
        out.add(new Line(i + 1, a[i], j + 1, b[j], Kind.SAME));
        i++;
        j++;
      } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
        added.add(j++);
      } else {
        removed.add(i++);
      }
    }
    flush(a, b, removed, added, out);
    return out;
  }

  /** Pairs the pending removed and added lines as changed rows; the rest stand alone. */
  private static void flush(
      String[] a, String[] b, List<Integer> removed, List<Integer> added, List<Line> out) {
    int n = Math.max(removed.size(), added.size());
    for (int k = 0; k < n; k++) {
      boolean l = k < removed.size();
      boolean r = k < added.size();
      int li = l ? removed.get(k) : -1;
      int ri = r ? added.get(k) : -1;
      Kind kind = l && r ? Kind.CHANGED : l ? Kind.REMOVED : Kind.ADDED;
      out.add(new Line(l ? li + 1 : 0, l ? a[li] : null, r ? ri + 1 : 0, r ? b[ri] : null, kind));
    }
    removed.clear();
    added.clear();
  }

  private static List<Line> inPlace(String[] a, String[] b) {
    List<Line> out = new ArrayList<>();
    for (int k = 0; k < Math.max(a.length, b.length); k++) {
      boolean l = k < a.length;
      boolean r = k < b.length;
      Kind kind =
          l && r ? (a[k].equals(b[k]) ? Kind.SAME : Kind.CHANGED) : l ? Kind.REMOVED : Kind.ADDED;
      out.add(new Line(l ? k + 1 : 0, l ? a[k] : null, r ? k + 1 : 0, r ? b[k] : null, kind));
    }
    return out;
  }

  private static String[] lines(String text) {
    if (text == null || text.isEmpty()) {
      return new String[0];
    }
    String t = text.replace("\r\n", "\n");
    if (t.endsWith("\n")) {
      t = t.substring(0, t.length() - 1);
    }
    return t.split("\n", -1);
  }
}
