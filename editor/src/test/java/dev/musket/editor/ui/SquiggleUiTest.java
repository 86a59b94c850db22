package dev.musket.editor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.editor.diagnostics.Problem;
import dev.musket.editor.diagnostics.ProblemGutter;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;

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
  void fixingTheKeyRemovesTheSquiggle() throws Exception {
    load("epohcs: 3");
    waitUntil(() -> editor.getProblems().size() == 1);
    robot.interact(() -> area.replaceText(0, 6, "batch"));
    waitUntil(() -> editor.getProblems().isEmpty());
    waitUntil(() -> robot.lookup(".text.problem-error").queryAll().isEmpty());
    assertThat(area.getStyleOfChar(1)).contains("yaml-key");
  }
}
