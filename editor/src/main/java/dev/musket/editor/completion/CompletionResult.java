package dev.musket.editor.completion;

import dev.musket.editor.document.CursorContext;
import java.util.List;

/**
 * Completions for one cursor position: the ranked items and the context they were made for, whose
 * {@code prefixStart} tells the popup which typed text an accepted item replaces.
 *
 * @param context where the cursor is
 * @param items best first; empty when nothing fits
 */
public record CompletionResult(CursorContext context, List<CompletionItem> items) {

  public CompletionResult {
    items = List.copyOf(items);
  }
}
