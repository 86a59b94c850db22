package dev.musket.editor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

class HoverUiTest extends EditorUiTest {

  private void hoverOver(String word) throws Exception {
    int start = editor.getText().indexOf(word);
    Bounds bounds =
        WaitForAsyncUtils.asyncFx(
                () -> area.getCharacterBoundsOnScreen(start, start + word.length()))
            .get()
            .orElseThrow();
    robot.moveTo(new Point2D(bounds.getMinX() + bounds.getWidth() / 2, bounds.getCenterY()));
  }

  private static String shown(FxRobot robot, String styleClass) {
    return robot
        .lookup(styleClass)
        .tryQuery()
        .filter(Node::isVisible)
        .map(n -> ((Label) n).getText())
        .orElse("");
  }

  @Test
  void restingOnAKeyShowsItsDoc() throws Exception {
    load("optimizer: SGD\nlr: 0.1\n");
    hoverOver("optimizer");
    waitUntil(() -> shown(robot, ".hover-text").equals("Optimizer used to train the network."));
    assertThat(shown(robot, ".hover-title")).isEqualTo("optimizer");
  }

  @Test
  void restingOnAValueShowsTheValuesDoc() throws Exception {
    load("optimizer: SGD\nlr: 0.1\n");
    hoverOver("SGD");
    waitUntil(() -> shown(robot, ".hover-text").equals("Stochastic gradient descent."));
  }

  @Test
  void restingOnASquiggleShowsTheProblem() throws Exception {
    load("lr: 0.1\nepohcs: 3\n");
    waitUntil(() -> editor.getProblems().size() == 1);
    hoverOver("epohcs");
    waitUntil(
        () -> shown(robot, ".hover-problems").equals("Unknown key 'epohcs' at the top level."));
  }
}
