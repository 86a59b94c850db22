package dev.musket.app.editors;

import dev.musket.editor.YamlEditor;
import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.config.schema.Schema;
import dev.musket.engine.util.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * An editor tab on one config file: the schema-aware YAML editor fed by the engine's schema and
 * validator, a {@code *} in the title while there are unsaved changes, Ctrl+S to save (atomically).
 */
public final class ConfigEditorTab extends Tab {

  private final Path file;
  private final String title;
  private final YamlEditor editor;

  public ConfigEditorTab(Path file, String title, ExperimentLoader loader) {
    this.file = file;
    this.title = title;
    this.editor =
        new YamlEditor(
            new EngineSchemaProvider(Schema.classification()),
            new EngineDiagnosticsProvider(loader, file));
    editor.setText(read(file));
    editor.markClean();
    setContent(editor);
    textProperty().bind(editor.dirtyProperty().map(dirty -> dirty ? "*" + title : title));
    getStyleClass().add("config-editor-tab");
    editor.addEventHandler(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          if (new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN).match(e)) {
            save();
            e.consume();
          }
        });
  }

  public Path file() {
    return file;
  }

  public YamlEditor editor() {
    return editor;
  }

  /** Writes the text to the file in one step (temp file + rename) and marks the editor clean. */
  public void save() {
    try {
      AtomicFiles.writeString(file, editor.getText());
      editor.markClean();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save " + file, e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
