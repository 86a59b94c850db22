package dev.musket.app.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.DirectTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The experiments view in a real window: rows appear, headers sort, two selected rows diff. */
class ExperimentsViewTest {

  @TempDir Path dir;
  private final FxRobot robot = new FxRobot();
  private final WorkbenchState state = new WorkbenchState();
  private final AtomicReference<ExperimentsView> view = new AtomicReference<>();
  private TableView<ExperimentRow> table;

  @BeforeEach
  @SuppressWarnings("unchecked")
  void showTheView() throws Exception {
    Path project = ExperimentsFixture.create(dir);
    FxToolkit.registerPrimaryStage();
    FxToolkit.setupStage(
        stage -> {
          state.projectProperty().set(project);
          view.set(new ExperimentsView(new ExperimentsViewModel(state, new DirectTaskExecutor())));
          stage.setScene(new Scene(view.get(), 1280, 800));
          stage.show();
          stage.toFront();
        });
    WaitForAsyncUtils.waitForFxEvents();
    table = robot.lookup(".experiments-table").queryAs(TableView.class);
  }

  @AfterEach
  void close() throws Exception {
    FxToolkit.cleanupStages();
  }

  private Node cell(String text) {
    return robot
        .from(table)
        .lookup((Node n) -> n instanceof TableCell<?, ?> c && text.equals(c.getText()))
        .query();
  }

  private List<String> shownNames() {
    return table.getItems().stream().map(ExperimentRow::name).toList();
  }

  @Test
  void rowsAppearUnderExactlyTheDifferingKeyColumns() {
    assertThat(shownNames()).containsExactly("baseline", "deeper", "group/fast");
    assertThat(table.getColumns())
        .extracting(TableColumn::getText)
        .containsSequence("fold_count", "architecture", "lr", "categorical_accuracy");
    assertThat(cell("failed").getStyleClass()).contains("status-failed");
  }

  @Test
  void selectingTwoRowsShowsTheirConfigsWithTheDifferingKeyMarked() {
    robot.clickOn(cell("baseline"));
    robot.press(KeyCode.CONTROL).clickOn(cell("deeper")).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();

    Label title = robot.lookup(".config-diff-title").queryAs(Label.class);
    assertThat(title.getText()).isEqualTo("baseline  \u2194  deeper:  1 key differs");
    List<String> marked =
        robot.lookup(".config-diff-keys .table-row-cell").queryAllAs(TableRow.class).stream()
            .filter(r -> r.getPseudoClassStates().contains(ConfigDiffView.DIFFERS))
            .map(r -> ((ConfigComparison.KeyDiff) r.getItem()).key())
            .toList();
    assertThat(marked).containsExactly("architecture");
    assertThat(state.selectedExperimentProperty().get()).endsWith(Path.of("baseline"));
  }

  @Test
  void clickingAMetricHeaderSortsByItsValue() {
    robot.clickOn(robot.from(table).lookup(".column-header").lookup("val_loss").queryLabeled());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(shownNames()).containsExactly("deeper", "baseline", "group/fast");

    robot.clickOn(robot.from(table).lookup(".column-header").lookup("val_loss").queryLabeled());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(shownNames()).containsExactly("group/fast", "baseline", "deeper");
  }

  @Test
  void typingInTheFilterNarrowsTheRows() {
    robot.clickOn(".experiments-filter").write("ResNet34");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(shownNames()).containsExactly("deeper");
  }

  @Test
  void chartTogetherDrawsOneLinePerExperimentAndFold() {
    robot.clickOn(cell("baseline"));
    robot.press(KeyCode.CONTROL).clickOn(cell("group/fast")).release(KeyCode.CONTROL);
    assertThat(table.getSelectionModel().getSelectedItems()).hasSize(2);
    robot.clickOn(".experiments-chart");
    WaitForAsyncUtils.waitForFxEvents();

    ComparisonChart chart = robot.lookup(".comparison-chart").queryAs(ComparisonChart.class);
    assertThat(chart.isVisible()).isTrue();
    assertThat(chart.dataset().getSeriesCount()).isEqualTo(4);
    assertThat(chart.dataset().getSeries(0).getItemCount()).isEqualTo(3);
  }
}
