package dev.musket.editor.document;

/**
 * Works out the {@link CursorContext} at an offset of a YAML text.
 *
 * <p>It reads the lines above the cursor for nesting (maps, block lists such as {@code - epochs:
 * 3}, block scalars, comments) and the cursor's own line up to the cursor for what is being typed,
 * including one-line flow collections. It is pure and cheap (one pass over the text above the
 * cursor); completion calls it off the FX thread while typing.
 */
public final class CursorContextResolver {

  private CursorContextResolver() {}

  /** The context at {@code offset} (0..text.length()) of {@code text}. */
  public static CursorContext resolve(String text, int offset) {
    BlockStructure structure = new BlockStructure();
    int lineNo = 0;
    int start = 0;
    while (true) {
      int end = text.indexOf('\n', start);
      if (end < 0 || end >= offset) {
        break;
      }
      YamlLine line = YamlLine.parse(text.substring(start, end));
      if (!structure.insideBlockScalar(line)) {
        structure.accept(line);
      }
      lineNo++;
      start = end + 1;
    }
    String before = text.substring(start, offset);
    YamlLine line = YamlLine.parse(before);
    if (line.commentColumn() >= 0 || structure.insideBlockScalar(lineWithContent(line))) {
      return CursorContext.none(offset, lineNo);
    }
    structure.openItems(line);
    if (line.key() != null) {
      return valueContext(structure, line, before, start, lineNo);
    }
    String content = before.substring(line.contentColumn());
    if (!content.isEmpty() && (content.charAt(0) == '[' || content.charAt(0) == '{')) {
      return CursorContext.none(offset, lineNo);
    }
    int prefixColumn = wordStart(before, line.contentColumn());
    String prefix = before.substring(prefixColumn);
    int indent = line.contentColumn();
    if (line.dashCount() > 0 && content.equals(prefix)) {
      YamlPath item = structure.mapAt(indent);
      return new CursorContext(
          CursorContext.Kind.LIST_ITEM, item, prefix, start + prefixColumn, lineNo, indent, false);
    }
    YamlPath mapPath = structure.mapAt(indent);
    return new CursorContext(
        CursorContext.Kind.KEY, mapPath, prefix, start + prefixColumn, lineNo, indent, false);
  }

  private static CursorContext valueContext(
      BlockStructure structure, YamlLine line, String before, int lineStart, int lineNo) {
    YamlPath valuePath = structure.mapAt(line.keyColumn()).child(line.key());
    int valueColumn = Math.min(line.valueColumn(), before.length());
    String value = before.substring(valueColumn);
    if (!value.isEmpty() && (value.charAt(0) == '[' || value.charAt(0) == '{')) {
      return FlowContextReader.read(
          value, valuePath, lineStart + valueColumn, lineNo, line.keyColumn());
    }
    int prefixColumn = wordStart(before, valueColumn);
    return new CursorContext(
        CursorContext.Kind.VALUE,
        valuePath,
        before.substring(prefixColumn),
        lineStart + prefixColumn,
        lineNo,
        line.keyColumn(),
        false);
  }

  /** A cursor line counts as content for block-scalar purposes even when nothing is typed yet. */
  private static YamlLine lineWithContent(YamlLine line) {
    return line.isBlankOrComment()
        ? new YamlLine(line.indent(), line.dashColumns(), line.indent(), null, -1, -1, 0, "x", -1)
        : line;
  }

  /** Start column of the word that ends at the end of {@code before}, not before {@code floor}. */
  static int wordStart(String before, int floor) {
    int i = before.length();
    while (i > floor && isWordChar(before.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /** Characters of names in Musket configs: keys, enum values, dotted or dashed names, paths. */
  public static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '/';
  }
}
