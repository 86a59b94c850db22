package dev.musket.app.editors;

import dev.musket.app.state.OpenConfig;
import dev.musket.app.task.TaskExecutor;
import dev.musket.editor.YamlEditor;
import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.config.schema.Schema;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/**
 * An editor tab on one config file: the schema-aware YAML editor fed by the engine's schema and
 * validator. It is the {@link OpenConfig} other features read and write while it is selected.
 */
public final class ConfigEditorTab extends EditorTab implements OpenConfig {

  private final YamlEditor editor;

  public ConfigEditorTab(
      Path file,
      String title,
      ExperimentLoader loader,
      TaskExecutor executor,
      Consumer<String> onError) {
    super(file, title);
    // validation (background) learns the project's names; completion only reads them
    ProjectNamesCache projectNames = new ProjectNamesCache();
    this.editor =
        new YamlEditor(
            new EngineSchemaProvider(Schema.classification(), projectNames::get),
            new EngineDiagnosticsProvider(loader, file, projectNames));
    getStyleClass().add("config-editor-tab");
    load(executor, onError);
  }

  public YamlEditor editor() {
    return editor;
  }

  @Override
  protected Node editorNode() {
    return editor;
  }

  @Override
  protected void show(String text) {
    editor.setText(text);
    editor.markClean();
  }

  @Override
  public String currentText() {
    return editor.getText();
  }

  @Override
  protected void markClean() {
    editor.markClean();
  }

  @Override
  public ObservableBooleanValue dirtyProperty() {
    return editor.dirtyProperty();
  }

  @Override
  public void focusEditor() {
    editor.codeArea().requestFocus();
  }

  @Override
  public void dispose() {
    editor.dispose();
  }

  @Override
  public ObservableValue<String> text() {
    return editor.codeArea().textProperty();
  }

  @Override
  public void replace(int start, int end, String replacement) {
    editor.codeArea().replaceText(start, end, replacement);
  }

  @Override
  public javafx.collections.ObservableList<dev.musket.editor.diagnostics.Problem> problems() {
    return editor.getProblems();
  }

  @Override
  public void goTo(int line, int column) {
    editor.goToLine(line, column);
    editor.codeArea().requestFocus();
  }
}
