package dev.musket.app.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Saves what a view test's window shows under {@code target/screenshots/}, so a reviewer can see
 * the view without running the app. Call off the FX thread.
 */
final class Snapshots {
  private Snapshots() {}

  /** {@code scene} with the test theme: the looked-up colours the workbench theme defines. */
  static Scene themed(Scene scene) {
    scene.getStylesheets().add(Snapshots.class.getResource("test-theme.css").toExternalForm());
    return scene;
  }

  static void save(Scene scene, String name) throws Exception {
    Path dir = Files.createDirectories(Path.of("target/screenshots"));
    var image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
    try {
      ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(name).toFile());
    } catch (IOException e) {
      // a missing screenshot must not fail the behaviour under test
    }
  }
}
