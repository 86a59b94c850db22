package dev.musket.editor.highlight;

import dev.musket.editor.document.YamlLine;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits YAML text into coloured {@link Token}s, line by line, in document order.
 *
 * <p>Hand-written rather than one big regular expression (as in the RichTextFX demos) because YAML
 * colouring depends on position: the same word is a key before {@code ':'} and a value after it,
 * and block scalars ({@code |}, {@code >}) turn whole indented lines into text. It never fails on
 * half-typed input and runs in linear time.
 */
public final class YamlTokenizer {

  private static final Pattern NUMBER =
      Pattern.compile(
          "[-+]?(?:\\d[\\d_]*(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?|0x[0-9a-fA-F]+|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
  private static final Pattern CONSTANT =
      Pattern.compile("true|false|True|False|TRUE|FALSE|null|Null|NULL|~|yes|no|on|off");

  private YamlTokenizer() {}

  /** The tokens of {@code text}; stretches not covered by a token have no colour. */
  public static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>(text.length() / 6 + 8);
    int blockScalarIndent = -1;
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      String line = text.substring(start, end);
      YamlLine shape = YamlLine.parse(line);
      if (blockScalarIndent >= 0
          && (shape.isBlankOrComment() || shape.indent() > blockScalarIndent)
          && !line.isBlank()) {
        tokens.add(new Token(start + shape.indent(), end, TokenType.STRING));
      } else if (blockScalarIndent >= 0 && line.isBlank()) {
        // blank lines inside a block scalar stay part of it
      } else {
        blockScalarIndent = tokenizeLine(line, shape, start, tokens);
      }
      start = end + 1;
    }
    return tokens;
  }

  /** Adds the tokens of one line; returns the indent that opens a block scalar, or -1. */
  private static int tokenizeLine(String line, YamlLine shape, int offset, List<Token> tokens) {
    if (line.startsWith("#%")) {
      tokens.add(new Token(offset, offset + line.length(), TokenType.HEADER));
      return -1;
    }
    if (line.startsWith("---") || line.startsWith("...")) {
      tokens.add(new Token(offset, offset + 3, TokenType.DOCUMENT));
      return -1;
    }
    if (line.startsWith("%")) {
      tokens.add(new Token(offset, offset + line.length(), TokenType.HEADER));
      return -1;
    }
    for (int dash : shape.dashColumns()) {
      tokens.add(new Token(offset + dash, offset + dash + 1, TokenType.PUNCTUATION));
    }
    int valueFrom = shape.contentColumn();
    if (shape.key() != null) {
      tokens.add(new Token(offset + shape.keyColumn(), offset + shape.keyEnd(), TokenType.KEY));
      int colon = line.indexOf(':', shape.keyEnd());
      tokens.add(new Token(offset + colon, offset + colon + 1, TokenType.PUNCTUATION));
      valueFrom = colon + 1;
    }
    int valueEnd = shape.commentColumn() >= 0 ? shape.commentColumn() : line.length();
    int blockIndent = -1;
    String value = shape.value();
    if (!value.isEmpty() && (value.charAt(0) == '|' || value.charAt(0) == '>')) {
      int at = line.indexOf(value.charAt(0), valueFrom);
      tokens.add(new Token(offset + at, offset + valueEnd, TokenType.PUNCTUATION));
      blockIndent = shape.key() != null ? shape.keyColumn() : shape.indent();
    } else {
      ValueScanner.scan(line, valueFrom, valueEnd, offset, tokens);
    }
    if (shape.commentColumn() >= 0) {
      tokens.add(
          new Token(offset + shape.commentColumn(), offset + line.length(), TokenType.COMMENT));
    }
    return blockIndent;
  }

  /** The token type of one plain scalar. */
  static TokenType classify(String scalar) {
    if (scalar.isEmpty()) {
      return TokenType.PLAIN;
    }
    char first = scalar.charAt(0);
    if (first == '!') {
      return TokenType.TAG;
    }
    if (first == '&' || first == '*') {
      return TokenType.ANCHOR;
    }
    if (first == '"' || first == '\'') {
      return TokenType.STRING;
    }
    if ((Character.isDigit(first) || first == '-' || first == '+' || first == '.')
        && NUMBER.matcher(scalar).matches()) {
      return TokenType.NUMBER;
    }
    if (scalar.length() <= 5 && CONSTANT.matcher(scalar).matches()) {
      return TokenType.CONSTANT;
    }
    return TokenType.PLAIN;
  }
}
