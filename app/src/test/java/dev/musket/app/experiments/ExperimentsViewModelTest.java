package dev.musket.app.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.musket.app.state.ExperimentStatus;
import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.DirectTaskExecutor;
import dev.musket.engine.experiment.ExperimentFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentsViewModelTest {

  @TempDir Path dir;
  private Path project;
  private final WorkbenchState state = new WorkbenchState();
  private final DirectTaskExecutor executor = new DirectTaskExecutor();
  private ExperimentsViewModel vm;

  @BeforeEach
  void openTheProject() throws IOException {
    project = ExperimentsFixture.create(dir);
    vm = new ExperimentsViewModel(state, executor);
    state.projectProperty().set(project);
  }

  private List<String> names() {
    return vm.rows().stream().map(ExperimentRow::name).toList();
  }

  private ExperimentRow row(String name) {
    return vm.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void columnsAreTheFixedOnesThenExactlyTheTwoDifferingKeysThenTheMetrics() {
    assertThat(vm.columns())
        .extracting(Column::title)
        .containsExactly(
            "path",
            "status",
            "score",
            "fold_count",
            "architecture",
            "lr",
            "categorical_accuracy",
            "loss",
            "val_categorical_accuracy",
            "val_loss");
    assertThat(names()).containsExactly("baseline", "deeper", "group/fast");
  }

  @Test
  void metricsAreTheMeanOverFoldsOfEachFoldsBestAsAnalyzeComputesThem() {
    ExperimentRow baseline = row("baseline");
    assertThat(Column.metric("val_loss").number(baseline)).isCloseTo(0.6, within(1e-9));
    assertThat(Column.metric("val_categorical_accuracy").text(baseline)).isEqualTo("0.700000");
    assertThat(Column.FOLDS.text(baseline)).isEqualTo("2");
  }

  @Test
  void withOnlyDifferingKeysOffEveryFlattenedKeyIsAColumnCommonYamlIncluded() {
    vm.onlyDifferingKeysProperty().set(false);

    assertThat(vm.columns())
        .extracting(Column::title)
        .contains(
            "architecture",
            "classes",
            "shape",
            "lr",
            "primary_metric",
            "callbacks.EarlyStopping.patience",
            "stages.0.epochs",
            "batch");
    assertThat(Column.key("batch").text(row("deeper"))).isEqualTo("8");
  }

  @Test
  void sortsByAMetricNumericallyEitherWay() {
    vm.sortBy(Column.metric("val_loss"), true);
    assertThat(names()).containsExactly("deeper", "baseline", "group/fast");

    vm.sortBy(Column.metric("val_categorical_accuracy"), false);
    assertThat(names()).containsExactly("group/fast", "baseline", "deeper");

    vm.sortBy(Column.key("lr"), false);
    assertThat(names()).containsExactly("group/fast", "baseline", "deeper");

    vm.sortBy(null, true);
    assertThat(names()).containsExactly("baseline", "deeper", "group/fast");
  }

  @Test
  void theScoreIsMusketsAndExperimentsWithoutOneSortLastEitherWay() {
    assertThat(row("baseline").score()).isCloseTo(0.70, within(1e-9));
    assertThat(row("deeper").score()).isCloseTo(0.65, within(1e-9));
    assertThat(row("group/fast").score()).isNull();

    vm.sortBy(Column.SCORE, true);
    assertThat(names()).containsExactly("deeper", "baseline", "group/fast");
    vm.sortBy(Column.SCORE, false);
    assertThat(names()).containsExactly("baseline", "deeper", "group/fast");
  }

  @Test
  void theFilterMatchesEveryWordAgainstTheNameAndTheShownValues() {
    vm.filterTextProperty().set("resnet34");
    assertThat(names()).containsExactly("deeper");

    vm.filterTextProperty().set("ResNet18 0.01");
    assertThat(names()).containsExactly("group/fast");

    vm.filterTextProperty().set("FAILED");
    assertThat(names()).containsExactly("group/fast");

    vm.filterTextProperty().set("group");
    assertThat(names()).containsExactly("group/fast");

    vm.filterTextProperty().set("  ");
    assertThat(names()).hasSize(3);
  }

  @Test
  void theMetricChooserKeepsOneMetricColumnAndIsTheMetricCharted() {
    assertThat(vm.metrics())
        .containsExactly("categorical_accuracy", "loss", "val_categorical_accuracy", "val_loss");

    vm.metricChoiceProperty().set("val_categorical_accuracy");

    assertThat(vm.columns())
        .extracting(Column::title)
        .containsExactly(
            "path",
            "status",
            "score",
            "fold_count",
            "architecture",
            "lr",
            "val_categorical_accuracy");
    assertThat(vm.chart().metricProperty().get()).isEqualTo("val_categorical_accuracy");

    vm.metricChoiceProperty().set(null);
    assertThat(vm.columns()).hasSize(10);
  }

  @Test
  void statusComesFromTheFolderAndFromTheRunsOfThisWorkbench() throws IOException {
    ExperimentsFixture.config(project, "fresh", "ResNet18", "0.001");
    ExperimentFolder stopped =
        ExperimentsFixture.trained(
            project, "stopped", "ResNet18", "0.001", new double[][] {{1, 0}});
    stopped.markCancelled();
    ExperimentFolder elsewhere = ExperimentsFixture.config(project, "elsewhere", "VGG16", "0.1");
    elsewhere.markInProgress(); // a ./musket fit in a terminal
    ExperimentsFixture.config(project, "training", "VGG16", "0.001");
    state.experimentsChanged();
    state.runningExperiments().add(project.resolve("experiments/training"));

    assertThat(vm.rows())
        .extracting(ExperimentRow::name, ExperimentRow::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("baseline", ExperimentStatus.COMPLETED),
            org.assertj.core.groups.Tuple.tuple("deeper", ExperimentStatus.COMPLETED),
            org.assertj.core.groups.Tuple.tuple("elsewhere", ExperimentStatus.INTERRUPTED),
            org.assertj.core.groups.Tuple.tuple("fresh", ExperimentStatus.NEW),
            org.assertj.core.groups.Tuple.tuple("group/fast", ExperimentStatus.FAILED),
            org.assertj.core.groups.Tuple.tuple("stopped", ExperimentStatus.CANCELLED),
            org.assertj.core.groups.Tuple.tuple("training", ExperimentStatus.RUNNING));
    assertThat(vm.messageProperty().get()).isEqualTo("7 experiments, 1 running");

    // the run ends: the workbench forgets it and bumps the revision; the table follows
    ExperimentsFixture.complete(ExperimentFolder.of(project.resolve("experiments/training")), 0.5);
    state.runningExperiments().clear();
    assertThat(row("training").status()).isEqualTo(ExperimentStatus.COMPLETED);
  }

  @Test
  void whileSomethingRunsItsMetricsAreReReadPeriodically() throws IOException {
    ExperimentFolder training = ExperimentsFixture.config(project, "training", "VGG16", "0.001");
    state.runningExperiments().add(training.dir());
    assertThat(row("training").metrics()).isEmpty();

    // an epoch ends: the trainer appends a row, nothing tells the workbench
    dev.musket.engine.experiment.MetricsCsvWriter.create(training.metricsCsv(0, 0))
        .writeRow(0, java.util.Map.of("loss", 1.5, "val_loss", 1.7));
    executor.tick();

    assertThat(row("training").metrics()).containsEntry("val_loss", 1.7);

    state.runningExperiments().clear();
    dev.musket.engine.experiment.MetricsCsvWriter.append(training.metricsCsv(0, 0), 1)
        .writeRow(1, java.util.Map.of("loss", 1.0, "val_loss", 1.2));
    executor.tick(); // nothing runs: no more polling
    assertThat(row("training").metrics()).containsEntry("val_loss", 1.7);
  }

  @Test
  void anExperimentCreatedOnDiskAppearsWhenTheRevisionChanges() throws IOException {
    ExperimentsFixture.config(project, "later", "ResNet50", "0.001");
    assertThat(names()).doesNotContain("later");

    state.experimentsChanged();

    assertThat(names()).contains("later");
    // a new experiment differs in architecture only, so the key columns stay the same two
    assertThat(vm.columns()).extracting(Column::title).contains("architecture", "lr");
  }

  @Test
  void selectingTwoComparesTheirConfigsAndMarksTheDifferingKeysAndLines() {
    vm.select(List.of(row("baseline"), row("group/fast")));

    ConfigComparison c = vm.comparisonProperty().get();
    assertThat(c).isNotNull();
    assertThat(c.differingKeys()).containsExactly("lr");
    assertThat(c.keys()).extracting(ConfigComparison.KeyDiff::key).contains("batch", "shape");
    assertThat(c.lines())
        .filteredOn(l -> l.kind() != LineDiff.Kind.SAME)
        .containsExactly(new LineDiff.Line(6, "lr: 0.001", 6, "lr: 0.01", LineDiff.Kind.CHANGED));
    assertThat(state.selectedExperimentProperty().get())
        .isEqualTo(project.resolve("experiments/baseline"));

    vm.select(List.of(row("deeper")));
    assertThat(vm.comparisonProperty().get()).isNull();
    assertThat(state.selectedExperimentProperty().get())
        .isEqualTo(project.resolve("experiments/deeper"));
  }

  @Test
  void anExperimentSelectedInTheExplorerIsSelectedHereWithoutBreakingAPairPickedHere() {
    state.selectedExperimentProperty().set(project.resolve("experiments/./deeper"));
    assertThat(vm.selected()).extracting(ExperimentRow::name).containsExactly("deeper");

    vm.select(List.of(row("baseline"), row("deeper")));
    state.selectedExperimentProperty().set(project.resolve("experiments/deeper"));
    assertThat(vm.selected()).extracting(ExperimentRow::name).containsExactly("baseline", "deeper");
  }

  @Test
  void theSelectionSurvivesAReloadAndAFilterThatKeepsIt() {
    vm.select(List.of(row("baseline"), row("deeper")));
    state.experimentsChanged();
    assertThat(vm.selected()).extracting(ExperimentRow::name).containsExactly("baseline", "deeper");
    assertThat(vm.comparisonProperty().get().differingKeys()).containsExactly("architecture");

    vm.filterTextProperty().set("deeper");
    assertThat(vm.selected()).extracting(ExperimentRow::name).containsExactly("deeper");
    assertThat(vm.comparisonProperty().get()).isNull();
  }

  @Test
  void openInEditorOpensEachSelectedConfig() {
    List<Path> opened = new ArrayList<>();
    state.setFileOpener(opened::add);
    vm.select(List.of(row("deeper")));

    vm.openInEditor();

    assertThat(opened).containsExactly(project.resolve("experiments/deeper/config.yaml"));
    assertThat(vm.canOpenProperty().get()).isTrue();
  }

  @Test
  void chartTogetherGivesOneSeriesPerExperimentFoldAndStageOrTheFoldMean() {
    vm.select(List.of(row("baseline"), row("deeper")));
    vm.chart().metricProperty().set("val_loss");

    vm.chartSelected();

    List<ComparisonSeries> series = vm.chart().series();
    assertThat(series)
        .extracting(ComparisonSeries::name)
        .containsExactly(
            "baseline \u00b7 fold 0", "baseline \u00b7 fold 1",
            "deeper \u00b7 fold 0", "deeper \u00b7 fold 1");
    assertThat(series).allSatisfy(s -> assertThat(s.epochs()).containsExactly(0, 1, 2));
    assertThat(series.get(1).values()).containsExactly(new double[] {1.0, 0.7, 0.8}, within(1e-9));

    vm.chart().foldMeanProperty().set(true);

    assertThat(vm.chart().series())
        .extracting(ComparisonSeries::name)
        .containsExactly("baseline \u00b7 mean of 2 folds", "deeper \u00b7 mean of 2 folds");
    assertThat(vm.chart().series().get(0).values())
        .containsExactly(new double[] {0.9, 0.6, 0.7}, within(1e-9));

    vm.chart().metricProperty().set("loss");
    assertThat(vm.chart().series().get(1).values())
        .containsExactly(new double[] {1.2, 0.9, 0.7}, within(1e-9));
  }

  @Test
  void closingTheProjectEmptiesTheTable() {
    state.projectProperty().set(null);

    assertThat(vm.rows()).isEmpty();
    assertThat(vm.messageProperty().get()).isEqualTo("No project open");
  }

  @Test
  void anUnreadableConfigStaysInTheTableWithoutMakingEveryKeyDiffer() throws IOException {
    Path broken = Files.createDirectories(project.resolve("experiments/broken"));
    Files.writeString(broken.resolve("config.yaml"), "architecture: [ResNet18\n");
    state.experimentsChanged();

    assertThat(names()).contains("broken");
    assertThat(vm.columns())
        .filteredOn(c -> c.kind() == Column.Kind.KEY)
        .extracting(Column::title)
        .containsExactly("architecture", "lr");
  }
}
