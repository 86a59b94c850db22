package dev.musket.editor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

class EditingUiTest extends EditorUiTest {

  @Test
  void enterIndentsUnderABlockKeyAndTabInsertsTwoSpaces() throws Exception {
    load("");
    robot.write("callbacks:");
    robot.type(KeyCode.ENTER);
    robot.write("EarlyStopping:");
    robot.type(KeyCode.ENTER);
    robot.type(KeyCode.TAB);
    waitUntil(() -> editor.getText().equals("callbacks:\n  EarlyStopping:\n      "));
  }

  @Test
  void ctrlSlashTogglesTheCommentOfTheCaretLine() throws Exception {
    load("lr: 0.1\nbatch: 8");
    robot.press(KeyCode.CONTROL).type(KeyCode.SLASH).release(KeyCode.CONTROL);
    waitUntil(() -> editor.getText().equals("lr: 0.1\n# batch: 8"));
    robot.press(KeyCode.CONTROL).type(KeyCode.SLASH).release(KeyCode.CONTROL);
    waitUntil(() -> editor.getText().equals("lr: 0.1\nbatch: 8"));
  }

  @Test
  void typingMakesTheEditorDirtyAndUndoingEverythingMakesItCleanAgain() throws Exception {
    load("lr: 0.1");
    assertThat(editor.isDirty()).isFalse();
    robot.write("5");
    waitUntil(editor::isDirty);
    robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    waitUntil(() -> editor.getText().equals("lr: 0.1") && !editor.isDirty());
    robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
    waitUntil(() -> editor.getText().equals("lr: 0.15") && editor.isDirty());
    robot.interact(editor::markClean);
    assertThat(editor.isDirty()).isFalse();
    // typing and deleting it again is back to the saved text: clean, though the undo history grew
    robot.write("7");
    waitUntil(editor::isDirty);
    robot.type(KeyCode.BACK_SPACE);
    waitUntil(() -> editor.getText().equals("lr: 0.15") && !editor.isDirty());
  }

  @Test
  void replaceAllFromTheFindBarReplacesEveryMatchInOneUndoableStep() throws Exception {
    load("lr: 1\nstages:\n  - lr: 2\n");
    robot.press(KeyCode.CONTROL).type(KeyCode.H).release(KeyCode.CONTROL);
    waitUntil(() -> robot.lookup("#find-field").tryQuery().isPresent());
    robot.clickOn("#find-field").write("lr");
    robot.clickOn("#replace-field").write("rate");
    robot.clickOn("#replace-all");
    waitUntil(() -> editor.getText().equals("rate: 1\nstages:\n  - rate: 2\n"));
    robot.interact(editor::undo);
    assertThat(editor.getText()).isEqualTo("lr: 1\nstages:\n  - lr: 2\n");
  }

  @Test
  void findSelectsTheNextMatch() throws Exception {
    load("lr: 1\nbatch: 2\nclr: 3");
    robot.interact(() -> area.moveTo(0));
    robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
    waitUntil(() -> robot.lookup("#find-field").queryAs(TextField.class).isFocused());
    robot.write("batch").type(KeyCode.ENTER);
    waitUntil(() -> area.getSelectedText().equals("batch"));
    robot.type(KeyCode.ESCAPE);
    waitUntil(() -> area.isFocused() && editor.getTop() == null);
  }

  @Test
  void goToLineMovesTheCaret() throws Exception {
    load("a: 1\nb: 2\nc: 3\nd: 4");
    robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
    waitUntil(() -> robot.lookup("#goto-field").queryAs(TextField.class).isFocused());
    robot.write("3:2").type(KeyCode.ENTER);
    waitUntil(() -> area.getCurrentParagraph() == 2 && area.getCaretColumn() == 1);
  }

  @Test
  void shiftTabOutdentsTheCaretLineByTwoSpaces() throws Exception {
    load("a:\n    b: 1");
    robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
    waitUntil(() -> editor.getText().equals("a:\n  b: 1"));
  }

  @Test
  void tabIndentsEverySelectedLine() throws Exception {
    load("a: 1\nb: 2\nc: 3");
    robot.interact(() -> area.selectRange(0, 9));
    robot.type(KeyCode.TAB);
    waitUntil(() -> editor.getText().equals("  a: 1\n  b: 2\nc: 3"));
  }

  @Test
  void ctrlSlashCommentsEverySelectedLine() throws Exception {
    load("callbacks:\n  A:\n    p: 1\n");
    robot.interact(() -> area.selectRange(11, 24));
    robot.press(KeyCode.CONTROL).type(KeyCode.SLASH).release(KeyCode.CONTROL);
    waitUntil(() -> editor.getText().equals("callbacks:\n  # A:\n  #   p: 1\n"));
  }
}
