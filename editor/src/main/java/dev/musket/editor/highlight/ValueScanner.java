package dev.musket.editor.highlight;

import java.util.List;

/**
 * Tokenizes the value part of one line: a plain or quoted scalar, or a flow collection with
 * brackets, commas, nested keys and scalars.
 */
final class ValueScanner {

  private ValueScanner() {}

  static void scan(String line, int from, int to, int offset, List<Token> tokens) {
    int depth = 0;
    int i = from;
    while (i < to) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t') {
        i++;
      } else if (c == '[' || c == '{' || c == ']' || c == '}' || c == ',') {
        depth += c == '[' || c == '{' ? 1 : c == ',' ? 0 : -1;
        tokens.add(new Token(offset + i, offset + i + 1, TokenType.PUNCTUATION));
        i++;
      } else if (c == '"' || c == '\'') {
        int close = closingQuote(line, i, to);
        tokens.add(new Token(offset + i, offset + close, TokenType.STRING));
        i = close;
      } else if (c == '!' || c == '&' || c == '*') {
        int end = i;
        while (end < to && line.charAt(end) != ' ' && !isFlowDelimiter(line.charAt(end), depth)) {
          end++;
        }
        tokens.add(
            new Token(offset + i, offset + end, YamlTokenizer.classify(line.substring(i, end))));
        i = end;
      } else {
        i = plainScalar(line, i, to, depth, offset, tokens);
      }
    }
  }

  /** Adds one plain scalar (or a flow-map key) starting at {@code start}; returns its end. */
  private static int plainScalar(
      String line, int start, int to, int depth, int offset, List<Token> tokens) {
    int end = start;
    while (end < to) {
      char c = line.charAt(end);
      if (depth > 0 && (isFlowDelimiter(c, depth) || isFlowKeyColon(line, end, to))) {
        break;
      }
      end++;
    }
    int trimmed = end;
    while (trimmed > start && line.charAt(trimmed - 1) == ' ') {
      trimmed--;
    }
    if (depth > 0 && end < to && line.charAt(end) == ':') {
      tokens.add(new Token(offset + start, offset + trimmed, TokenType.KEY));
      tokens.add(new Token(offset + end, offset + end + 1, TokenType.PUNCTUATION));
      return end + 1;
    }
    TokenType type = YamlTokenizer.classify(line.substring(start, trimmed));
    if (type != TokenType.PLAIN) {
      tokens.add(new Token(offset + start, offset + trimmed, type));
    }
    return end;
  }

  private static boolean isFlowDelimiter(char c, int depth) {
    return depth > 0 && (c == ',' || c == ']' || c == '}' || c == '[' || c == '{');
  }

  private static boolean isFlowKeyColon(String line, int at, int to) {
    return line.charAt(at) == ':' && (at + 1 >= to || line.charAt(at + 1) == ' ');
  }

  private static int closingQuote(String line, int open, int to) {
    char quote = line.charAt(open);
    for (int i = open + 1; i < to; i++) {
      char c = line.charAt(i);
      if (quote == '"' && c == '\\') {
        i++;
      } else if (c == quote) {
        return i + 1;
      }
    }
    return to;
  }
}
