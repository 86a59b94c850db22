package dev.musket.editor.hover;

import dev.musket.editor.diagnostics.ProblemRange;
import dev.musket.editor.document.CursorContext;
import dev.musket.editor.document.CursorContextResolver;
import dev.musket.editor.schema.SchemaProvider;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds what to show when the mouse rests on the text: the problems there and the documentation of
 * the key or value under it, looked up at that word's YAML path.
 */
public final class HoverDocs {

  private final SchemaProvider schema;

  /** Documentation comes from {@code schema}. */
  public HoverDocs(SchemaProvider schema) {
    this.schema = schema;
  }

  /** The hover content at {@code offset}, given the problems currently shown. */
  public HoverContent at(String text, int offset, List<ProblemRange> problems) {
    List<String> messages =
        problems.stream()
            .filter(p -> p.covers(offset))
            .sorted(Comparator.comparing(p -> p.problem().level()))
            .map(p -> p.problem().message())
            .toList();
    int start = offset;
    while (start > 0 && CursorContextResolver.isWordChar(text.charAt(start - 1))) {
      start--;
    }
    int end = offset;
    while (end < text.length() && CursorContextResolver.isWordChar(text.charAt(end))) {
      end++;
    }
    if (end == start) {
      return new HoverContent(messages, "", "");
    }
    String word = text.substring(start, end);
    Optional<String> doc = docOf(text, word, end);
    return new HoverContent(messages, doc.isPresent() ? word : "", doc.orElse(""));
  }

  private Optional<String> docOf(String text, String word, int wordEnd) {
    CursorContext context = CursorContextResolver.resolve(text, wordEnd);
    boolean isKey = followedByColon(text, wordEnd);
    return switch (context.kind()) {
      case KEY -> schema.keyDoc(context.path(), word);
      case VALUE ->
          isKey ? schema.keyDoc(context.path(), word) : schema.valueDoc(context.path(), word);
      case LIST_ITEM ->
          isKey
              ? schema.keyDoc(context.path(), word)
              : schema.valueDoc(context.path().parent(), word);
      case NONE -> Optional.empty();
    };
  }

  private static boolean followedByColon(String text, int at) {
    int i = at;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i < text.length() && text.charAt(i) == ':';
  }
}
