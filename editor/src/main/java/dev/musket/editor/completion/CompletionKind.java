package dev.musket.editor.completion;

/** Whether a completion inserts a key or a value; shown as a small tag in the popup. */
public enum CompletionKind {
  KEY,
  VALUE
}
