package dev.musket.editor.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every block-style key of a document with the mapping that holds it.
 *
 * <p>Completion uses it to offer only keys not yet present; validators and tests use it to check
 * keys against a schema without a YAML parser, even in text that does not parse yet.
 */
public final class YamlOutline {

  private final List<KeyEntry> entries;

  private YamlOutline(List<KeyEntry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** Reads the outline of {@code text}. */
  public static YamlOutline of(String text) {
    List<KeyEntry> found = new ArrayList<>();
    BlockStructure structure = new BlockStructure();
    int lineNo = 0;
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      YamlLine line = YamlLine.parse(text.substring(start, end));
      if (!structure.insideBlockScalar(line)) {
        YamlPath mapPath = structure.accept(line);
        if (mapPath != null) {
          found.add(new KeyEntry(mapPath, line.key(), lineNo, line.keyColumn(), line.keyEnd()));
        }
      }
      lineNo++;
      start = end + 1;
    }
    return new YamlOutline(found);
  }

  /** All keys in document order. */
  public List<KeyEntry> entries() {
    return entries;
  }

  /** The keys written in the mapping at {@code mapPath}, except any on {@code skipLine}. */
  public Set<String> keysIn(YamlPath mapPath, int skipLine) {
    return entries.stream()
        .filter(e -> e.mapPath().equals(mapPath) && e.line() != skipLine)
        .map(KeyEntry::key)
        .collect(Collectors.toSet());
  }
}
