package dev.musket.editor.find;

import static org.fxmisc.wellbehaved.event.EventPattern.keyPressed;
import static org.fxmisc.wellbehaved.event.InputMap.consume;
import static org.fxmisc.wellbehaved.event.InputMap.sequence;

import dev.musket.editor.EditorComponent;
import dev.musket.editor.YamlEditor;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.wellbehaved.event.InputMap;
import org.fxmisc.wellbehaved.event.Nodes;

/**
 * The find/replace bar above the text (Ctrl+F, Ctrl+H): Enter finds the next match, Shift+Enter the
 * previous, Escape closes and returns to the text. Matching is done by {@link TextSearch}.
 */
public final class FindReplaceBar extends VBox implements EditorComponent {

  private final TextField find = new TextField();
  private final TextField replace = new TextField();
  private final CheckBox matchCase = new CheckBox("Match case");
  private final Label status = new Label();
  private final HBox replaceRow;
  private YamlEditor editor;
  private InputMap<KeyEvent> keys;

  /** A hidden bar; {@link #install} wires it to an editor. */
  public FindReplaceBar() {
    getStyleClass().add("find-bar");
    find.setPromptText("Find");
    find.setId("find-field");
    replace.setPromptText("Replace with");
    replace.setId("replace-field");
    Button next = new Button("Next");
    Button previous = new Button("Previous");
    Button close = new Button("✕");
    Button replaceOne = new Button("Replace");
    Button replaceAll = new Button("Replace all");
    replaceAll.setId("replace-all");
    next.setOnAction(e -> findNext(true));
    previous.setOnAction(e -> findNext(false));
    close.setOnAction(e -> hide());
    replaceOne.setOnAction(e -> replaceCurrent());
    replaceAll.setOnAction(e -> replaceAll());
    find.setOnKeyPressed(this::onFieldKey);
    replace.setOnKeyPressed(this::onFieldKey);
    HBox findRow = new HBox(6, find, previous, next, matchCase, status, close);
    replaceRow = new HBox(6, replace, replaceOne, replaceAll);
    for (HBox row : new HBox[] {findRow, replaceRow}) {
      row.setAlignment(Pos.CENTER_LEFT);
    }
    replaceRow.managedProperty().bind(replaceRow.visibleProperty());
    setSpacing(4);
    setPadding(new Insets(4));
    getChildren().addAll(findRow, replaceRow);
  }

  @Override
  public void install(YamlEditor target) {
    editor = target;
    keys =
        sequence(
            consume(keyPressed(KeyCode.F, KeyCombination.SHORTCUT_DOWN), e -> show(false)),
            consume(keyPressed(KeyCode.H, KeyCombination.SHORTCUT_DOWN), e -> show(true)));
    Nodes.addInputMap(target.codeArea(), keys);
  }

  @Override
  public void uninstall(YamlEditor target) {
    Nodes.removeInputMap(target.codeArea(), keys);
    hide();
    editor = null;
  }

  /** Shows the bar, seeded with the selected text, and focuses the find field. */
  public void show(boolean withReplace) {
    String selected = editor.codeArea().getSelectedText();
    if (!selected.isEmpty() && !selected.contains("\n")) {
      find.setText(selected);
    }
    replaceRow.setVisible(withReplace);
    editor.setTop(this);
    find.requestFocus();
    find.selectAll();
  }

  /** Hides the bar and gives the focus back to the text. */
  public void hide() {
    if (editor != null && editor.getTop() == this) {
      editor.setTop(null);
      editor.codeArea().requestFocus();
    }
  }

  private void onFieldKey(KeyEvent e) {
    if (e.getCode() == KeyCode.ENTER) {
      if (e.getSource() == replace) {
        replaceCurrent();
      } else {
        findNext(!e.isShiftDown());
      }
      e.consume();
    } else if (e.getCode() == KeyCode.ESCAPE) {
      hide();
      e.consume();
    }
  }

  private TextSearch search() {
    return new TextSearch(find.getText(), matchCase.isSelected());
  }

  /** Selects the next (or previous) match after the caret; returns whether one was found. */
  public boolean findNext(boolean forward) {
    CodeArea area = editor.codeArea();
    TextSearch search = search();
    String text = area.getText();
    int at =
        forward
            ? search.next(text, area.getSelection().getEnd())
            : search.previous(text, area.getSelection().getStart());
    int count = search.findAll(text).size();
    status.setText(count == 0 ? "No matches" : count + (count == 1 ? " match" : " matches"));
    if (at < 0) {
      return false;
    }
    area.selectRange(at, at + search.length());
    area.requestFollowCaret();
    return true;
  }

  private void replaceCurrent() {
    CodeArea area = editor.codeArea();
    TextSearch search = search();
    boolean onMatch =
        area.getSelection().getLength() == search.length()
            && search.findAll(area.getText()).contains(area.getSelection().getStart());
    if (onMatch) {
      area.replaceSelection(replace.getText());
    }
    findNext(true);
  }

  /** Replaces every match in one undoable edit. */
  public void replaceAll() {
    CodeArea area = editor.codeArea();
    TextSearch search = search();
    int count = search.findAll(area.getText()).size();
    if (count > 0) {
      area.replaceText(search.replaceAll(area.getText(), replace.getText()));
    }
    status.setText(count + " replaced");
  }
}
