package dev.musket.app.editors;

import dev.musket.app.task.TaskExecutor;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/** A plain text editor tab, for the project's Java modules and other non-config files. */
public final class TextFileTab extends EditorTab {

  private final CodeArea area = new CodeArea();
  private final BooleanBinding dirty;

  public TextFileTab(Path file, String title, TaskExecutor executor, Consumer<String> onError) {
    super(file, title);
    area.getStyleClass().add("text-file-editor");
    area.setParagraphGraphicFactory(LineNumberFactory.get(area));
    dirty =
        Bindings.createBooleanBinding(
            () -> !area.getUndoManager().isAtMarkedPosition(),
            area.getUndoManager().atMarkedPositionProperty());
    load(executor, onError);
  }

  public CodeArea area() {
    return area;
  }

  @Override
  protected Node editorNode() {
    return new VirtualizedScrollPane<>(area);
  }

  @Override
  protected void show(String text) {
    area.replaceText(text);
    area.getUndoManager().forgetHistory();
    area.getUndoManager().mark();
    area.moveTo(0);
  }

  @Override
  public String currentText() {
    return area.getText();
  }

  @Override
  protected void markClean() {
    area.getUndoManager().mark();
  }

  @Override
  public ObservableBooleanValue dirtyProperty() {
    return dirty;
  }

  @Override
  public void focusEditor() {
    area.requestFocus();
  }
}
