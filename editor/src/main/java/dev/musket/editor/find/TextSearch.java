package dev.musket.editor.find;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plain-text search and replace over the editor's text, with optional case sensitivity; pure so
 * find/replace is tested on strings and the bar only moves the selection.
 */
public final class TextSearch {

  private final String query;
  private final boolean matchCase;

  /** A search for {@code query} (literal text). */
  public TextSearch(String query, boolean matchCase) {
    this.query = query;
    this.matchCase = matchCase;
  }

  /** Start offsets of all non-overlapping matches in {@code text}. */
  public List<Integer> findAll(String text) {
    List<Integer> found = new ArrayList<>();
    if (query.isEmpty()) {
      return found;
    }
    String haystack = normalize(text);
    String needle = normalize(query);
    int at = haystack.indexOf(needle);
    while (at >= 0) {
      found.add(at);
      at = haystack.indexOf(needle, at + needle.length());
    }
    return found;
  }

  /** The first match at or after {@code from}, wrapping around to the start; -1 if none. */
  public int next(String text, int from) {
    List<Integer> all = findAll(text);
    return all.stream().filter(i -> i >= from).findFirst().orElse(all.isEmpty() ? -1 : all.get(0));
  }

  /** The last match that starts before {@code before}, wrapping around to the end; -1 if none. */
  public int previous(String text, int before) {
    List<Integer> all = findAll(text);
    int found = -1;
    for (int i : all) {
      if (i < before) {
        found = i;
      }
    }
    return found >= 0 || all.isEmpty() ? found : all.get(all.size() - 1);
  }

  /** {@code text} with every match replaced by {@code replacement}. */
  public String replaceAll(String text, String replacement) {
    List<Integer> all = findAll(text);
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (int i : all) {
      out.append(text, at, i).append(replacement);
      at = i + query.length();
    }
    return out.append(text.substring(at)).toString();
  }

  /** Length of a match. */
  public int length() {
    return query.length();
  }

  private String normalize(String s) {
    return matchCase ? s : s.toLowerCase(Locale.ROOT);
  }
}
