package dev.musket.editor.completion;

import dev.musket.editor.document.CursorContext;
import dev.musket.editor.document.CursorContextResolver;
import dev.musket.editor.document.YamlOutline;
import dev.musket.editor.document.YamlPath;
import dev.musket.editor.schema.SchemaKey;
import dev.musket.editor.schema.SchemaProvider;
import dev.musket.editor.schema.SchemaValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Decides what completion offers at a cursor: the keys the schema allows in the cursor's mapping
 * that are not written yet, or the values allowed for the cursor's key, ranked by how well they
 * match the typed prefix.
 *
 * <p>Pure and thread-safe (one pass over the text plus schema look-ups): the controller runs it on
 * a background thread after a typing pause and on the FX thread only for an explicit request; the
 * popup itself only shows what this returns.
 */
public final class CompletionEngine {

  private final SchemaProvider schema;

  /** An engine answering from {@code schema}. */
  public CompletionEngine(SchemaProvider schema) {
    this.schema = schema;
  }

  /** The completions at {@code offset} of {@code text}. */
  public CompletionResult complete(String text, int offset) {
    CursorContext context = CursorContextResolver.resolve(text, offset);
    if (context.kind() == CursorContext.Kind.NONE) {
      return new CompletionResult(context, List.of());
    }
    Set<String> present =
        context.kind() == CursorContext.Kind.VALUE
            ? Set.of()
            : YamlOutline.of(text).keysIn(context.path(), context.line());
    return new CompletionResult(context, complete(context, present));
  }

  /** The completions for {@code context}, leaving out the keys in {@code present}. */
  public List<CompletionItem> complete(CursorContext context, Set<String> present) {
    List<CompletionItem> candidates = new ArrayList<>();
    switch (context.kind()) {
      case KEY -> addKeys(context, present, candidates);
      case VALUE -> addValues(context.path(), candidates);
      case LIST_ITEM -> {
        addKeys(context, present, candidates);
        addValues(context.path().parent(), candidates);
      }
      case NONE -> {}
    }
    return rank(candidates, context.prefix());
  }

  private void addKeys(CursorContext context, Set<String> present, List<CompletionItem> out) {
    for (SchemaKey key : schema.keys(context.path())) {
      if (!present.contains(key.name())) {
        out.add(
            new CompletionItem(
                key.name(), keyInsertText(key, context), key.doc(), CompletionKind.KEY));
      }
    }
  }

  private void addValues(YamlPath valuePath, List<CompletionItem> out) {
    for (SchemaValue value : schema.values(valuePath)) {
      out.add(new CompletionItem(value.name(), value.name(), value.doc(), CompletionKind.VALUE));
    }
  }

  /** {@code name: }, or the key and an indented new line (with a dash for lists). */
  static String keyInsertText(SchemaKey key, CursorContext context) {
    if (context.flow()) {
      return key.name() + ": ";
    }
    String childIndent = " ".repeat(context.indent() + 2);
    return switch (key.shape()) {
      case SCALAR -> key.name() + ": ";
      case MAP -> key.name() + ":\n" + childIndent;
      case LIST -> key.name() + ":\n" + childIndent + "- ";
    };
  }

  private static List<CompletionItem> rank(List<CompletionItem> candidates, String prefix) {
    record Ranked(CompletionItem item, int tier, int order) {}
    List<Ranked> ranked = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      int tier = PrefixMatch.tier(candidates.get(i).label(), prefix);
      if (tier != PrefixMatch.NO_MATCH) {
        ranked.add(new Ranked(candidates.get(i), tier, i));
      }
    }
    ranked.sort(Comparator.comparingInt(Ranked::tier).thenComparingInt(Ranked::order));
    return ranked.stream().map(Ranked::item).toList();
  }
}
