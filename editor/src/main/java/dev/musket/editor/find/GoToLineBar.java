package dev.musket.editor.find;

import static org.fxmisc.wellbehaved.event.EventPattern.keyPressed;
import static org.fxmisc.wellbehaved.event.InputMap.consume;
import static org.fxmisc.wellbehaved.event.InputMap.sequence;

import dev.musket.editor.EditorComponent;
import dev.musket.editor.YamlEditor;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import org.fxmisc.wellbehaved.event.InputMap;
import org.fxmisc.wellbehaved.event.Nodes;

/**
 * The go-to-line bar (Ctrl+L or Ctrl+G): type {@code 12} or {@code 12:5}, Enter jumps there, Escape
 * returns to the text. A bar rather than a dialog so it never blocks the window.
 */
public final class GoToLineBar extends HBox implements EditorComponent {

  private final TextField input = new TextField();
  private YamlEditor editor;
  private InputMap<KeyEvent> keys;

  /** A hidden bar; {@link #install} wires it to an editor. */
  public GoToLineBar() {
    getStyleClass().add("goto-bar");
    input.setId("goto-field");
    input.setPromptText("line[:column]");
    input.setPrefColumnCount(10);
    input.setOnKeyPressed(this::onKey);
    setSpacing(6);
    setPadding(new Insets(4));
    setAlignment(Pos.CENTER_LEFT);
    getChildren().addAll(new Label("Go to line"), input);
  }

  @Override
  public void install(YamlEditor target) {
    editor = target;
    keys =
        sequence(
            consume(keyPressed(KeyCode.L, KeyCombination.SHORTCUT_DOWN), e -> show()),
            consume(keyPressed(KeyCode.G, KeyCombination.SHORTCUT_DOWN), e -> show()));
    Nodes.addInputMap(target.codeArea(), keys);
  }

  @Override
  public void uninstall(YamlEditor target) {
    Nodes.removeInputMap(target.codeArea(), keys);
    hide();
    editor = null;
  }

  /** Shows the bar and focuses its field. */
  public void show() {
    input.setText(String.valueOf(editor.codeArea().getCurrentParagraph() + 1));
    editor.setTop(this);
    input.requestFocus();
    input.selectAll();
  }

  private void hide() {
    if (editor != null && editor.getTop() == this) {
      editor.setTop(null);
      editor.codeArea().requestFocus();
    }
  }

  private void onKey(KeyEvent e) {
    if (e.getCode() == KeyCode.ENTER) {
      LineTarget.parse(input.getText())
          .ifPresent(
              target -> {
                hide();
                editor.goToLine(target.line(), target.column());
              });
      e.consume();
    } else if (e.getCode() == KeyCode.ESCAPE) {
      hide();
      e.consume();
    }
  }
}
