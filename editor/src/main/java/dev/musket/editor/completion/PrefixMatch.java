package dev.musket.editor.completion;

import java.util.Locale;

/**
 * How well a candidate name matches what the user typed, as a tier (lower is better), so that
 * {@code lr} ranks {@code lr} before {@code LRVariator} before {@code clipnorm}... and a typo-free
 * subsequence like {@code rlrop} still finds {@code ReduceLROnPlateau}.
 */
final class PrefixMatch {

  /** The candidate does not match at all. */
  static final int NO_MATCH = Integer.MAX_VALUE;

  private PrefixMatch() {}

  /**
   * 0: starts with the prefix (same case); 1: starts with it ignoring case; 2: a word part (after
   * {@code _}, {@code -} or a capital) starts with it; 3: contains it; 4: contains its letters in
   * order; otherwise {@link #NO_MATCH}. An empty prefix matches everything with 0.
   */
  static int tier(String candidate, String prefix) {
    if (prefix.isEmpty() || candidate.startsWith(prefix)) {
      return 0;
    }
    String lowerCandidate = candidate.toLowerCase(Locale.ROOT);
    String lowerPrefix = prefix.toLowerCase(Locale.ROOT);
    if (lowerCandidate.startsWith(lowerPrefix)) {
      return 1;
    }
    for (int i = 1; i < candidate.length(); i++) {
      if (isWordPartStart(candidate, i) && lowerCandidate.startsWith(lowerPrefix, i)) {
        return 2;
      }
    }
    if (lowerCandidate.contains(lowerPrefix)) {
      return 3;
    }
    return isSubsequence(lowerPrefix, lowerCandidate) ? 4 : NO_MATCH;
  }

  private static boolean isWordPartStart(String s, int i) {
    char previous = s.charAt(i - 1);
    char c = s.charAt(i);
    return previous == '_'
        || previous == '-'
        || previous == '.'
        || (Character.isUpperCase(c) && !Character.isUpperCase(previous));
  }

  private static boolean isSubsequence(String needle, String haystack) {
    int at = 0;
    for (int i = 0; i < haystack.length() && at < needle.length(); i++) {
      if (haystack.charAt(i) == needle.charAt(at)) {
        at++;
      }
    }
    return at == needle.length();
  }
}
