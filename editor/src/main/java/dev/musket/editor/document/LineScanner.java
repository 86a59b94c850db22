package dev.musket.editor.document;

import java.util.ArrayList;
import java.util.List;

/** Reads one YAML line into a {@link YamlLine}; hand-written because it runs on every keystroke. */
final class LineScanner {

  private LineScanner() {}

  static YamlLine scan(CharSequence line) {
    int length = line.length();
    int i = skipSpaces(line, 0);
    int indent = i;
    List<Integer> dashes = List.of();
    while (i < length && line.charAt(i) == '-' && (i + 1 == length || line.charAt(i + 1) == ' ')) {
      dashes = append(dashes, i);
      i = skipSpaces(line, i + 1);
    }
    int content = i;
    int comment = findComment(line, content);
    int end = comment < 0 ? length : comment;
    if (content >= end) {
      return new YamlLine(indent, dashes, content, null, -1, -1, end, "", comment);
    }
    int keyEnd = findKeyEnd(line, content, end);
    if (keyEnd < 0) {
      String value = line.subSequence(content, end).toString().trim();
      return new YamlLine(indent, dashes, content, null, -1, -1, content, value, comment);
    }
    String key = unquote(line.subSequence(content, keyEnd).toString().trim());
    int colon = line.toString().indexOf(':', keyEnd);
    int valueStart = skipSpaces(line, colon + 1);
    if (valueStart > end) {
      valueStart = end;
    }
    String value = line.subSequence(Math.min(valueStart, end), end).toString().trim();
    return new YamlLine(indent, dashes, content, key, content, keyEnd, valueStart, value, comment);
  }

  /** Most lines have no dash and a few one; keeps the common case allocation-free. */
  private static List<Integer> append(List<Integer> dashes, int column) {
    if (dashes.isEmpty()) {
      return List.of(column);
    }
    List<Integer> longer = new ArrayList<>(dashes);
    longer.add(column);
    return List.copyOf(longer);
  }

  /** Column just after the key's text, or -1 when the content is not {@code key:}. */
  private static int findKeyEnd(CharSequence line, int start, int end) {
    char first = line.charAt(start);
    if (first == '[' || first == '{' || first == '&' || first == '*' || first == '!') {
      return -1;
    }
    if (first == '"' || first == '\'') {
      int close = closingQuote(line, start, end);
      if (close < 0) {
        return -1;
      }
      int after = skipSpaces(line, close + 1);
      return after < end && line.charAt(after) == ':' && isColonEnd(line, after, end)
          ? close + 1
          : -1;
    }
    for (int i = start; i < end; i++) {
      if (line.charAt(i) == ':' && isColonEnd(line, i, end)) {
        int keyEnd = i;
        while (keyEnd > start && line.charAt(keyEnd - 1) == ' ') {
          keyEnd--;
        }
        return keyEnd;
      }
    }
    return -1;
  }

  private static boolean isColonEnd(CharSequence line, int colon, int end) {
    return colon + 1 >= end || line.charAt(colon + 1) == ' ' || line.charAt(colon + 1) == '\t';
  }

  private static int closingQuote(CharSequence line, int open, int end) {
    char quote = line.charAt(open);
    for (int i = open + 1; i < end; i++) {
      char c = line.charAt(i);
      if (quote == '"' && c == '\\') {
        i++;
      } else if (c == quote) {
        if (quote == '\'' && i + 1 < end && line.charAt(i + 1) == '\'') {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }

  /** Column of a {@code #} that starts a comment (at line start or after a space, not quoted). */
  static int findComment(CharSequence line, int from) {
    char quote = 0;
    for (int i = from; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote == '"') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if ((c == '"' || c == '\'') && (i == from || isOpenQuoteContext(line.charAt(i - 1)))) {
        quote = c;
      } else if (c == '#' && (i == 0 || line.charAt(i - 1) == ' ' || line.charAt(i - 1) == '\t')) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isOpenQuoteContext(char before) {
    return before == ' ' || before == '[' || before == '{' || before == ',' || before == ':';
  }

  private static int skipSpaces(CharSequence line, int from) {
    int i = from;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static String unquote(String key) {
    if (key.length() >= 2
        && (key.charAt(0) == '"' || key.charAt(0) == '\'')
        && key.charAt(key.length() - 1) == key.charAt(0)) {
      return key.substring(1, key.length() - 1);
    }
    return key;
  }
}
