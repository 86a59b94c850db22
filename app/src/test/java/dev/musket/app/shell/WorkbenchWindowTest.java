package dev.musket.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The workbench opens a real window on a project and lists its experiments. */
class WorkbenchWindowTest {

  @Test
  void opensAWindowTitledWithTheProjectAndListingItsExperiments(@TempDir Path dir)
      throws Exception {
    Path flowers = Files.createDirectories(dir.resolve("flowers"));
    write(flowers.resolve("experiments/baseline/config.yaml"));
    write(flowers.resolve("experiments/group/deeper/config.yaml"));
    java.nio.file.Files.writeString(flowers.resolve("common.yaml"), "batch: 4\n");

    // the app's settings (recent projects, theme) go to a temporary file, not ~/.musket
    System.setProperty(
        WorkbenchSettings.FILE_PROPERTY, dir.resolve("settings.properties").toString());
    FxToolkit.registerPrimaryStage();
    Application app = FxToolkit.setupApplication(WorkbenchApplication.class, flowers.toString());
    try {
      WaitForAsyncUtils.waitForFxEvents();
      Stage stage =
          (Stage)
              Window.getWindows().stream()
                  .filter(
                      w ->
                          w instanceof Stage s
                              && s.getTitle() != null
                              && s.getTitle().startsWith("Musket"))
                  .findFirst()
                  .orElseThrow();
      assertThat(stage.isShowing()).isTrue();
      assertThat(stage.getTitle()).isEqualTo("Musket Workbench \u2014 flowers");
      FxRobot robot = new FxRobot();
      TreeView<?> tree = robot.lookup(".project-explorer").queryAs(TreeView.class);
      // the explorer scans the project in the background
      WaitForAsyncUtils.waitFor(
          10, java.util.concurrent.TimeUnit.SECONDS, () -> tree.getRoot() != null);
      assertThat(tree.getRoot().getChildren())
          .extracting(item -> item.getValue().toString())
          .containsExactly("baseline", "group/deeper", "common.yaml");

      // selecting an experiment opens its config in an editor tab that flags the problems
      robot.clickOn("baseline");
      WaitForAsyncUtils.waitForFxEvents();
      javafx.scene.control.TabPane tabs =
          robot.lookup(".editor-tabs").queryAs(javafx.scene.control.TabPane.class);
      assertThat(tabs.getTabs())
          .extracting(javafx.scene.control.Tab::getText)
          .containsExactly("baseline");
      WaitForAsyncUtils.waitFor(
          10,
          java.util.concurrent.TimeUnit.SECONDS,
          () -> robot.lookup(".yaml-editor").tryQuery().isPresent());
      dev.musket.editor.YamlEditor editor =
          robot.lookup(".yaml-editor").queryAs(dev.musket.editor.YamlEditor.class);
      // the file is read in the background
      WaitForAsyncUtils.waitFor(
          10,
          java.util.concurrent.TimeUnit.SECONDS,
          () -> editor.getText().equals("architecture: ResNet18\n"));
      WaitForAsyncUtils.waitFor(
          10, java.util.concurrent.TimeUnit.SECONDS, () -> !editor.getProblems().isEmpty());
      assertThat(editor.getProblems())
          .extracting(dev.musket.editor.diagnostics.Problem::message)
          .anyMatch(m -> m.startsWith("misses the required property 'classes'"));

      // typing marks the tab dirty; Ctrl+S saves atomically and clears the mark
      robot.clickOn(editor.codeArea()).type(javafx.scene.input.KeyCode.END).write("\nbatch: 4");
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(tabs.getTabs().get(0).getText()).isEqualTo("*baseline");
      robot
          .press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.S)
          .release(javafx.scene.input.KeyCode.S, javafx.scene.input.KeyCode.CONTROL);
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(tabs.getTabs().get(0).getText()).isEqualTo("baseline");
      assertThat(Files.readString(flowers.resolve("experiments/baseline/config.yaml")))
          .isEqualTo(editor.getText())
          .contains("batch: 4");
    } finally {
      FxToolkit.cleanupApplication(app);
      System.clearProperty(WorkbenchSettings.FILE_PROPERTY);
    }
  }

  private static void write(Path config) throws IOException {
    Files.createDirectories(config.getParent());
    Files.writeString(config, "architecture: ResNet18\n");
  }
}
