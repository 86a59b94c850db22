package dev.musket.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.FxTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.control.ComboBox;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The dataset view in a real window: real thumbnails of the shapes sample appear in the grid. */
class DatasetViewTest {

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
  void showsRealThumbnailsWithBadgesAndTheClassChart(@TempDir Path dir) throws Exception {
    Path project = Shapes.copyTo(dir);
    WorkbenchState state = new WorkbenchState();
    executor = new FxTaskExecutor();
    Stage stage = FxToolkit.registerPrimaryStage();
    DatasetView[] view = new DatasetView[1];
    robot.interact(
        () -> {
          state.projectProperty().set(project);
          view[0] = new DatasetView(new DatasetViewModel(state, executor));
          stage.setScene(new Scene(view[0], 1000, 700));
          stage.show();
          state.selectedExperimentProperty().set(project.resolve("experiments/folder_resnet18"));
        });

    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shownThumbnails().size() >= 6);
    assertThat(shownThumbnails())
        .allSatisfy(i -> assertThat(i.getImage().getWidth()).isEqualTo(48));
    assertThat(robot.lookup(".split-badge").queryAll()).isNotEmpty();
    BarChart<?, ?> chart = robot.lookup(".class-distribution").queryAs(BarChart.class);
    assertThat(chart.getData()).hasSize(5); // all, three validation folds, holdout
    Snapshots.save(stage.getScene(), "dataset-view.png");

    // filtering to the holdout through the split box
    ComboBox<SplitFilter> splits = robot.lookup(".split-filter").queryComboBox();
    robot.interact(() -> splits.setValue(SplitFilter.HOLDOUT));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view[0].model().items())
        .isNotEmpty()
        .allMatch(i -> i.membership().equals("holdout"));
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !shownThumbnails().isEmpty());
    assertThat(robot.lookup(".split-badge.holdout").queryAll()).isNotEmpty();
  }

  private List<ImageView> shownThumbnails() {
    return robot.lookup(".thumbnail-cell .image-view").queryAllAs(ImageView.class).stream()
        .filter(i -> i.getImage() != null && i.getParent().isVisible())
        .toList();
  }
}
