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
      TreeView<?> tree = new FxRobot().lookup(".project-explorer").queryAs(TreeView.class);
      assertThat(tree.getRoot().getChildren())
          .extracting(item -> item.getValue().toString())
          .containsExactly("baseline", "group/deeper");
    } finally {
      FxToolkit.cleanupApplication(app);
    }
  }

  private static void write(Path config) throws IOException {
    Files.createDirectories(config.getParent());
    Files.writeString(config, "architecture: ResNet18\n");
  }
}
