package dev.musket.editor.completion;

import java.util.Objects;

/**
 * One entry of the completion popup.
 *
 * @param label what the list shows (the key or value name)
 * @param insertText what replaces the typed prefix when accepted; may span lines
 * @param doc documentation shown beside the list while the entry is highlighted
 * @param kind key or value
 */
public record CompletionItem(String label, String insertText, String doc, CompletionKind kind) {

  public CompletionItem {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(insertText, "insertText");
    doc = doc == null ? "" : doc;
    Objects.requireNonNull(kind, "kind");
  }
}
