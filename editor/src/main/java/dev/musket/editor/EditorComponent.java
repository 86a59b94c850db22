package dev.musket.editor;

/**
 * A feature that plugs into a {@link YamlEditor} (highlighting, gutter, completion, hover, ...).
 *
 * <p>As in Recaf's editor, each feature lives in its own package and only touches the editor
 * through install/uninstall, so features are tested and replaced one at a time and the control
 * itself stays a small assembly of parts.
 */
public interface EditorComponent {

  /** Attaches listeners, handlers and nodes to {@code editor}; called on the FX thread. */
  void install(YamlEditor editor);

  /** Removes everything {@link #install} added; called on the FX thread. */
  void uninstall(YamlEditor editor);
}
