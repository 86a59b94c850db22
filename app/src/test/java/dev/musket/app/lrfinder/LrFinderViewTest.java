package dev.musket.app.lrfinder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.DirectTaskExecutor;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The view in a real window: charts gain points, the suggestion is marked, Apply edits text. */
class LrFinderViewTest {

  @AfterEach
  void close() throws Exception {
    FxToolkit.cleanupStages();
  }

  @Test
  void runningPlotsThePointsAndApplyWritesTheLrIntoTheEditor() throws Exception {
    Path project = Path.of("/projects/flowers");
    WorkbenchState state = new WorkbenchState();
    FakeOpenConfig config =
        new FakeOpenConfig(
            project.resolve("experiments/baseline/config.yaml"), "# tuned\nbatch: 4\n");
    FakeEngine engine = new FakeEngine();
    FxToolkit.registerPrimaryStage();
    LrFinderView[] view = new LrFinderView[1];
    FxToolkit.setupStage(
        stage -> {
          state.projectProperty().set(project);
          state.activeConfigProperty().set(config);
          view[0] =
              new LrFinderView(new LrFinderViewModel(state, new DirectTaskExecutor(), engine));
          stage.setScene(new Scene(view[0], 1000, 700));
          stage.show();
        });
    FxRobot robot = new FxRobot();
    Button apply = robot.lookup(".lr-finder-apply").queryButton();
    assertThat(apply.isDisabled()).isTrue();
    assertThat(robot.lookup(".lr-finder-loss-chart").queryAs(ChartViewer.class)).isNotNull();

    robot.clickOn(".lr-finder-run");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(view[0].plottedPoints()).isEqualTo(60);
    Label status = robot.lookup(".lr-finder-status").queryAs(Label.class);
    assertThat(status.getText()).startsWith("Suggested lr");
    ChartViewer loss = robot.lookup(".lr-finder-loss-chart").queryAs(ChartViewer.class);
    assertThat(loss.getChart().getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND))
        .hasSize(1);
    assertThat(apply.isDisabled()).isFalse();

    robot.clickOn(apply);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(config.edits).hasSize(1);
    assertThat(config.text.get()).startsWith("# tuned\nbatch: 4\nlr: 0.0");
  }
}
