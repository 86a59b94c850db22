package dev.musket.app.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.app.state.ExperimentStatus;
import dev.musket.app.state.LogLine;
import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.DirectTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectExplorerViewModelTest {

  @TempDir Path project;
  private final WorkbenchState state = new WorkbenchState();
  private final DirectTaskExecutor executor = new DirectTaskExecutor();
  private final List<Path> opened = new ArrayList<>();
  private ProjectExplorerViewModel model;

  @BeforeEach
  void setUp() throws Exception {
    TestProjects.experiment(project, "a", "classes: 2\n");
    state.setFileOpener(opened::add);
    model = new ProjectExplorerViewModel(state, executor);
    state.projectProperty().set(project);
  }

  private List<String> names() {
    return model.snapshotProperty().get().experiments().stream().map(ExperimentInfo::name).toList();
  }

  private ExperimentInfo experiment(String name) {
    return model.snapshotProperty().get().experiments().stream()
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void scansTheProjectWhenOpenedAndAgainOnTheNextPoll() throws Exception {
    assertThat(names()).containsExactly("a");

    TestProjects.experiment(project, "b", "classes: 2\n");
    executor.tick();

    assertThat(names()).containsExactly("a", "b");
  }

  @Test
  void anExperimentTheWorkbenchTrainsShowsAsRunning() {
    ExperimentInfo a = experiment("a");
    assertThat(model.shown(a).status()).isEqualTo(ExperimentStatus.NEW);

    state.runningExperiments().add(a.dir());

    assertThat(model.shown(experiment("a")).statusText()).isEqualTo("running");
  }

  @Test
  void selectingAnExperimentSetsTheWorkbenchSelection() {
    model.select(experiment("a"));
    assertThat(state.selectedExperimentProperty().get())
        .isEqualTo(project.resolve("experiments/a"));
    model.select(null);
    assertThat(state.selectedExperimentProperty().get()).isNull();
  }

  @Test
  void newDuplicateRenameDeleteChangeTheFoldersAndTellTheWorkbench() throws Exception {
    int revision = state.experimentsRevisionProperty().get();

    model.newExperiment("fresh");
    assertThat(opened).containsExactly(project.resolve("experiments/fresh/config.yaml"));
    assertThat(names()).containsExactly("a", "fresh");

    model.duplicate(experiment("fresh"), "copy");
    model.rename(experiment("a"), "group/renamed");
    model.delete(experiment("copy"));

    assertThat(names()).containsExactly("fresh", "group/renamed");
    assertThat(state.experimentsRevisionProperty().get()).isEqualTo(revision + 4);
    assertThat(Files.list(project.resolve(".musket/trash")).toList()).hasSize(1);
  }

  @Test
  void aRefusedCommandIsAConsoleErrorAndChangesNothing() {
    model.newExperiment("a");
    state.runningExperiments().add(experiment("a").dir());
    model.delete(experiment("a"));

    assertThat(state.log())
        .extracting(LogLine::level, LogLine::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                LogLine.Level.ERROR, "New experiment a failed: experiments/a already exists."),
            org.assertj.core.groups.Tuple.tuple(
                LogLine.Level.ERROR, "Cannot delete a while it is training."));
    assertThat(names()).containsExactly("a");
  }

  @Test
  void aProjectThatVanishedIsReportedNotThrown() throws Exception {
    Path gone = project.resolve("missing");
    state.projectProperty().set(gone);
    assertThat(model.errorProperty().get()).contains("is not a folder");
  }
}
