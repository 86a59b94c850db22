package dev.musket.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.FxTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The previewer in a real window: originals beside their augmented variants, a Reseed button that
 * redraws them, and a config error shown as a message as the text changes.
 */
class AugmentationPreviewViewTest {

  private final FxRobot robot = new FxRobot();
  private FxTaskExecutor executor;

  @AfterEach
  void close() throws Exception {
    FxToolkit.cleanupStages();
    if (executor != null) {
      executor.close();
    }
  }

  @Test
  void showsVariantsReseedsAndReportsAConfigError(@TempDir Path dir) throws Exception {
    Path project = Shapes.copyTo(dir);
    WorkbenchState state = new WorkbenchState();
    Shapes.Editor editor = new Shapes.Editor(Shapes.config(project, "csv_resnet18"));
    executor = new FxTaskExecutor();
    Stage stage = FxToolkit.registerPrimaryStage();
    robot.interact(
        () -> {
          state.projectProperty().set(project);
          var model = new AugmentationPreviewViewModel(state, executor);
          stage.setScene(
              Snapshots.themed(new Scene(new AugmentationPreviewView(model), 1100, 800)));
          stage.show();
          state.activeConfigProperty().set(editor);
        });

    int rows = AugmentationPreviewViewModel.DEFAULT_ITEMS;
    int perRow = 1 + AugmentationPreviewViewModel.DEFAULT_VARIANTS;
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> images().size() == rows * perRow);
    assertThat(robot.lookup(".preview-row").queryAll()).hasSize(rows);
    assertThat(images()).allSatisfy(i -> assertThat(i.getWidth()).isEqualTo(48));
    List<Image> before = images();
    Snapshots.save(stage.getScene(), "augmentation-preview.png");

    robot.clickOn(".reseed-button");
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () ->
            images().size() == rows * perRow
                && images() != before
                && !images().contains(before.get(0)));

    robot.interact(() -> editor.text.set(editor.text.get().replace("Fliplr: 0.5", "Fliplr: [0.5")));
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> images().isEmpty());
    Label message = robot.lookup(".data-message").queryAs(Label.class);
    assertThat(message.isVisible()).isTrue();
    assertThat(message.getText()).matches("config.yaml:\\d+:\\d+: .+");
    Snapshots.save(stage.getScene(), "augmentation-preview-error.png");
  }

  /** Read on the FX thread: the rows are replaced there while a test thread would walk them. */
  private List<Image> images() {
    try {
      return WaitForAsyncUtils.asyncFx(
              () ->
                  robot.lookup(".preview-row .image-view").queryAllAs(ImageView.class).stream()
                      .map(ImageView::getImage)
                      .toList())
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
