package dev.musket.editor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.editor.YamlEditor;
import dev.musket.editor.demo.EditorDemo;
import dev.musket.editor.demo.SampleConfigs;
import dev.musket.editor.diagnostics.Problem;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/** Keeps the demo launcher's content working: the sample config shows its one typo. */
class EditorDemoUiTest extends ApplicationTest {

  private YamlEditor editor;

  @Override
  public void start(Stage stage) {
    stage.setScene(new Scene(EditorDemo.content(SampleConfigs.sample()), 900, 700));
    stage.show();
    editor = lookup(".yaml-editor").queryAs(YamlEditor.class);
  }

  @AfterEach
  void tearDown() {
    interact(editor::dispose);
  }

  @Test
  void theSampleConfigShowsItsTypoInTheProblemsListAndClickingItJumpsThere() throws Exception {
    @SuppressWarnings("unchecked")
    ListView<Problem> problems = lookup("#problems").queryAs(ListView.class);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> problems.getItems().size() == 1);
    Problem typo = problems.getItems().get(0);
    assertThat(typo.message()).isEqualTo("Unknown key 'losss' in stages[1].");
    assertThat(lookup("#status").queryAs(Label.class).getText()).startsWith("saved | 1 problem(s)");

    clickOn(lookup("#problems .list-cell").nth(0).queryAs(javafx.scene.Node.class));
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> editor.codeArea().getCurrentParagraph() == typo.line() - 1);
  }
}
