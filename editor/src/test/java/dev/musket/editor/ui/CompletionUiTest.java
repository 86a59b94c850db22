package dev.musket.editor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.editor.completion.CompletionItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class CompletionUiTest extends EditorUiTest {

  @SuppressWarnings("unchecked")
  private static ListView<CompletionItem> list(FxRobot robot) {
    return robot.lookup(".completion-list").queryAs(ListView.class);
  }

  private static boolean popupShows(FxRobot robot, String label) {
    var found = robot.lookup(".completion-list").tryQuery();
    if (found.isEmpty()
        || found.get().getScene() == null
        || !found.get().getScene().getWindow().isShowing()) {
      return false;
    }
    @SuppressWarnings("unchecked")
    ListView<CompletionItem> view = (ListView<CompletionItem>) found.get();
    var selected = view.getSelectionModel().getSelectedItem();
    return selected != null && selected.label().equals(label);
  }

  @Test
  void typingAKeyOffersItWithItsDocAndEnterAcceptsIt() throws Exception {
    load("");
    robot.write("optim");
    waitUntil(() -> popupShows(robot, "optimizer"));
    assertThat(robot.lookup(".completion-doc").queryAs(Label.class).getText())
        .isEqualTo("Optimizer used to train the network.");

    robot.type(KeyCode.ENTER);
    waitUntil(() -> editor.getText().equals("optimizer: "));

    robot.write("Ad");
    waitUntil(() -> popupShows(robot, "Adam"));
    robot.type(KeyCode.ENTER);
    waitUntil(() -> editor.getText().equals("optimizer: Adam"));
  }

  @Test
  void ctrlSpaceOffersTheStageKeysNotYetPresent() throws Exception {
    load("stages:\n  - epochs: 3\n    ");
    robot.press(KeyCode.CONTROL).type(KeyCode.SPACE).release(KeyCode.CONTROL);
    waitUntil(() -> popupShows(robot, "lr"));
    assertThat(list(robot).getItems())
        .extracting(CompletionItem::label)
        .containsExactly("lr", "loss");

    robot.type(KeyCode.DOWN).type(KeyCode.TAB);
    waitUntil(() -> editor.getText().endsWith("    loss: "));
  }

  @Test
  void escapeClosesThePopupWithoutChangingTheText() throws Exception {
    load("");
    robot.write("arch");
    waitUntil(() -> popupShows(robot, "architecture"));
    robot.type(KeyCode.ESCAPE);
    waitUntil(() -> robot.lookup(".completion-list").tryQuery().isEmpty());
    assertThat(editor.getText()).isEqualTo("arch");
  }

  @Test
  void acceptingAMapKeyOpensAnIndentedLineWhereItsKeysAreOffered() throws Exception {
    load("");
    robot.write("callb");
    waitUntil(() -> popupShows(robot, "callbacks"));
    robot.type(KeyCode.ENTER);
    waitUntil(() -> editor.getText().equals("callbacks:\n  "));

    robot.press(KeyCode.CONTROL).type(KeyCode.SPACE).release(KeyCode.CONTROL);
    waitUntil(() -> popupShows(robot, "EarlyStopping"));
    robot.type(KeyCode.ENTER);
    waitUntil(() -> editor.getText().equals("callbacks:\n  EarlyStopping:\n    "));
  }

  @Test
  void namesAreOfferedInsideAFlowList() throws Exception {
    load("metrics: [binary_accuracy, ");
    robot.write("mac");
    waitUntil(() -> popupShows(robot, "macro_f1"));
    robot.type(KeyCode.TAB);
    waitUntil(() -> editor.getText().equals("metrics: [binary_accuracy, macro_f1"));
  }

  @Test
  void clickingAnEntryAcceptsIt() throws Exception {
    load("optimizer: ");
    robot.press(KeyCode.CONTROL).type(KeyCode.SPACE).release(KeyCode.CONTROL);
    waitUntil(() -> popupShows(robot, "Adam"));
    robot.clickOn(
        robot
            .lookup(".completion-list .list-cell")
            .match(n -> "SGD".equals(((javafx.scene.control.ListCell<?>) n).getText()))
            .queryAs(javafx.scene.Node.class));
    waitUntil(() -> editor.getText().equals("optimizer: SGD"));
  }
}
