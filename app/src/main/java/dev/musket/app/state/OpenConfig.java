package dev.musket.app.state;

import dev.musket.editor.diagnostics.Problem;
import java.nio.file.Path;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A config open in an editor, as other features see it: the previewer reads its (possibly unsaved)
 * text, the LR finder writes a learning rate into it. Implemented by the editor tab.
 */
public interface OpenConfig {

  Path file();

  /** The editor's current text, saved or not; changes on the FX thread as the user types. */
  ObservableValue<String> text();

  /** Replaces the characters in [start, end) as one undoable edit. Call on the FX thread. */
  void replace(int start, int end, String replacement);

  /** The problems the editor flags in the text now (the Problems panel lists them). */
  default ObservableList<Problem> problems() {
    return FXCollections.emptyObservableList();
  }

  /** Moves the caret to a 1-based line and column and focuses the editor. */
  default void goTo(int line, int column) {}
}
