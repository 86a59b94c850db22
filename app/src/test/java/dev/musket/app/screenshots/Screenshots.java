package dev.musket.app.screenshots;

import dev.musket.app.shell.WorkbenchApplication;
import dev.musket.editor.YamlEditor;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Regenerates the screenshots in {@code docs/} from the real workbench on a sample project. Install
 * the modules first, then run in the app module alone (with {@code -am}, exec:java would also run
 * in the parent):
 *
 * <pre>
 * mvn -B -q install -DskipTests -Dspotless.check.skip
 * xvfb-run -a -s "-screen 0 1600x1000x24" mvn -B -q -pl app exec:java \
 *   -Dexec.classpathScope=test -Dexec.mainClass=dev.musket.app.screenshots.Screenshots \
 *   -Dexec.args="sample-projects/shapes docs/screenshots" -Dspotless.check.skip
 * </pre>
 *
 * <p>Paths are relative to the repository root (exec:java runs in the Maven process).
 */
public final class Screenshots {

  public static void main(String[] args) throws Exception {
    Path project = Path.of(args[0]).toAbsolutePath();
    Path out = Files.createDirectories(Path.of(args[1]));
    // recent projects and theme go to a throwaway file, not the user's ~/.musket
    System.setProperty(
        "musket.workbench.settings", Files.createTempFile("workbench", ".properties").toString());
    FxToolkit.registerPrimaryStage();
    Application app = FxToolkit.setupApplication(WorkbenchApplication.class, project.toString());
    FxRobot robot = new FxRobot();
    Stage stage = workbenchStage();
    WaitForAsyncUtils.asyncFx(
            () -> {
              stage.setWidth(1400);
              stage.setHeight(860);
            })
        .get();

    @SuppressWarnings("unchecked")
    TreeView<Object> tree = robot.lookup(".project-explorer").queryAs(TreeView.class);
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> tree.getRoot() != null);
    robot.clickOn("folder_resnet18");
    WaitForAsyncUtils.waitFor(
        15, TimeUnit.SECONDS, () -> robot.lookup(".yaml-editor").tryQuery().isPresent());
    YamlEditor editor = robot.lookup(".yaml-editor").queryAs(YamlEditor.class);
    // a typo and a wrong augmenter parameter, so the screenshot shows what validation says
    WaitForAsyncUtils.asyncFx(
            () -> {
              String text =
                  editor
                      .getText()
                      .replace("primary_metric_mode: max", "primary_metric_mode: maximum");
              editor.setText(text.replace("rotate: [-30, 30]", "rotation: [-30, 30]"));
            })
        .get();
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> editor.getProblems().size() >= 2);
    Thread.sleep(500); // let the squiggles paint
    snapshot(stage.getScene(), out.resolve("workbench-editor.png"));
    // the same screen in the dark theme (View > Dark Theme), then back to light
    robot
        .clickOn("View")
        .type(javafx.scene.input.KeyCode.DOWN)
        .type(javafx.scene.input.KeyCode.ENTER);
    Thread.sleep(500);
    snapshot(stage.getScene(), out.resolve("workbench-dark.png"));
    robot
        .clickOn("View")
        .type(javafx.scene.input.KeyCode.DOWN)
        .type(javafx.scene.input.KeyCode.ENTER);
    FxToolkit.cleanupApplication(app);
    FxToolkit.cleanupStages();
    System.exit(0);
  }

  private static Stage workbenchStage() {
    return (Stage)
        Window.getWindows().stream()
            .filter(
                w ->
                    w instanceof Stage s
                        && s.getTitle() != null
                        && s.getTitle().startsWith("Musket"))
            .findFirst()
            .orElseThrow();
  }

  private static void snapshot(Scene scene, Path file) throws Exception {
    var image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
    ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(file.toString()));
  }
}
