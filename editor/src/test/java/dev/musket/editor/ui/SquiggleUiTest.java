package dev.musket.editor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.editor.diagnostics.Problem;
import dev.musket.editor.diagnostics.ProblemGutter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

class SquiggleUiTest extends EditorUiTest {

  @Test
  void aWrongKeyTypedIntoTheEditorGetsASquiggleAGutterMarkerAndAProblem() throws Exception {
    load("architecture: resnet50\n");
    robot.write("epohcs: 3");

    waitUntil(() -> !editor.getProblems().isEmpty());
    Problem problem = editor.getProblems().get(0);
    assertThat(problem.message()).isEqualTo("Unknown key 'epohcs' at the top level.");
    assertThat(problem.line()).isEqualTo(2);

    waitUntil(() -> !robot.lookup(".text.problem-error").queryAll().isEmpty());
    Set<Node> squiggled = robot.lookup(".text.problem-error").queryAll();
    assertThat(squiggled).extracting(n -> ((Text) n).getText()).containsExactly("epohcs");
    assertThat(robot.lookup("." + ProblemGutter.MARKER_STYLE_CLASS + ".problem-error").queryAll())
        .hasSize(1);
  }

  @Test
  void aNewProblemMarksItsOwnLineWithoutRebuildingTheOtherLinesGutter() throws Exception {
    load("architecture: resnet50\nbatch: 8\nepohcs: 3\n");
    waitUntil(() -> editor.getProblems().size() == 1);
    waitUntil(() -> errorMarkers().size() == 1);
    Map<String, Node> before = WaitForAsyncUtils.asyncFx(SquiggleUiTest::markersByLine).get();

    robot.interact(() -> area.appendText("lossx: 1"));
    waitUntil(() -> editor.getProblems().size() == 2);
    waitUntil(() -> errorMarkers().size() == 2);

    Map<String, Node> after = WaitForAsyncUtils.asyncFx(SquiggleUiTest::markersByLine).get();
    for (String line : List.of("1", "2", "3")) {
      assertThat(after.get(line)).as("marker of line " + line).isSameAs(before.get(line));
    }
    assertThat(after.get("3").getStyleClass()).contains("problem-error");
    assertThat(after.get("4").getStyleClass()).contains("problem-error");
    assertThat(after.get("2").getStyleClass()).doesNotContain("problem-error");
  }

  @Test
  void restingTheMouseOnAMarkerShowsTheLinesMessages() throws Exception {
    load("architecture: resnet50\nepohcs: 3\n");
    waitUntil(() -> errorMarkers().size() == 1);
    robot.moveTo(errorMarkers().iterator().next());
    waitUntil(
        () ->
            Window.getWindows().stream()
                .anyMatch(
                    w ->
                        w instanceof Tooltip tip
                            && tip.isShowing()
                            && tip.getText().equals("Unknown key 'epohcs' at the top level.")));
  }

  private Set<Node> errorMarkers() {
    return robot.lookup("." + ProblemGutter.MARKER_STYLE_CLASS + ".problem-error").queryAll();
  }

  /** The visible gutter markers by the line number shown beside them. */
  private static Map<String, Node> markersByLine() {
    Map<String, Node> byLine = new HashMap<>();
    for (Node marker : new FxRobot().lookup("." + ProblemGutter.MARKER_STYLE_CLASS).queryAll()) {
      Labeled number = (Labeled) marker.getParent().getChildrenUnmodifiable().get(0);
      byLine.put(number.getText().trim(), marker);
    }
    return byLine;
  }

  @Test
  void fixingTheKeyRemovesTheSquiggle() throws Exception {
    load("epohcs: 3");
    waitUntil(() -> editor.getProblems().size() == 1);
    robot.interact(() -> area.replaceText(0, 6, "batch"));
    waitUntil(() -> editor.getProblems().isEmpty());
    waitUntil(() -> robot.lookup(".text.problem-error").queryAll().isEmpty());
    assertThat(area.getStyleOfChar(1)).contains("yaml-key");
  }
}
