package dev.musket.app.editors;

import dev.musket.app.task.TaskExecutor;
import dev.musket.engine.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;

/**
 * A tab editing one file: reads it in the background (a "Loading…" placeholder meanwhile), shows
 * {@code *} before its title while there are unsaved changes, and saves atomically.
 *
 * <p>Why save on the calling (FX) thread: a save must have finished before the tab or the window
 * closes, and writing one small text file is quick; reading is what can stall (a slow disk, a
 * network folder, a huge file), so reading is the part moved off the FX thread.
 */
public abstract class EditorTab extends Tab implements UnsavedChanges.Document {

  private final Path file;
  private final String title;
  private boolean loaded;

  protected EditorTab(Path file, String title) {
    this.file = file;
    this.title = title;
    setText(title);
    Label loading = new Label("Loading " + file.getFileName() + "…");
    loading.getStyleClass().add("editor-loading");
    setContent(loading);
    setId("tab-" + title);
  }

  /** Starts reading the file; {@link #show(String)} gets its text on the FX thread. */
  protected final void load(TaskExecutor executor, java.util.function.Consumer<String> onError) {
    executor.submit(
        "Opening " + file.getFileName(),
        ctx -> Files.readString(file),
        text -> {
          setContent(editorNode());
          show(text);
          loaded = true;
          textProperty().bind(dirtyProperty().map(dirty -> dirty ? "*" + title : title));
        },
        failure -> {
          Label error = new Label("Cannot read " + file + ": " + failure.getMessage());
          error.getStyleClass().add("explorer-error");
          setContent(error);
          onError.accept("Cannot read " + file + ": " + failure.getMessage());
        });
  }

  /** The control that edits the text, shown once the file is read. */
  protected abstract Node editorNode();

  /** Puts the file's text into the editor and marks it clean. */
  protected abstract void show(String text);

  /** The editor's current text. */
  public abstract String currentText();

  protected abstract void markClean();

  public abstract ObservableBooleanValue dirtyProperty();

  /** Gives the keyboard focus to the editor. */
  public abstract void focusEditor();

  /** Releases background resources (analysis threads) once the tab is closed. */
  public void dispose() {}

  public final Path file() {
    return file;
  }

  public final String title() {
    return title;
  }

  @Override
  public String name() {
    return title;
  }

  @Override
  public boolean isDirty() {
    return loaded && dirtyProperty().get();
  }

  /** Writes the text atomically (temp file + rename) and marks the tab clean. */
  @Override
  public void save() throws IOException {
    if (!loaded) {
      return; // nothing was read, so nothing can have changed
    }
    AtomicFiles.writeString(file, currentText());
    markClean();
  }
}
