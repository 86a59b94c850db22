package dev.musket.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectExperimentsTest {

  @TempDir Path project;

  private void config(String path) throws IOException {
    Path file = project.resolve("experiments").resolve(path).resolve("config.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "epochs: 1\n");
  }

  @Test
  void findsNestedExperimentsByNameAndSkipsHistoryAndOutputs() throws IOException {
    config("b06");
    config("group/exp01");
    config("b06/.history/0/b06");
    config("group/exp01/predictions/x");

    var names = ProjectExperiments.find(project).stream().map(ProjectExperiments.Entry::name);

    assertThat(names).containsExactly("b06", "group/exp01");
    // fit and lr-find list the same names (a snapshot's copy is not an experiment to train)
    assertThat(ProjectExperiments.names(project)).containsExactly("b06", "group/exp01");
    assertThat(ProjectExperiments.configOf(project, "group/exp01"))
        .isEqualTo(project.resolve("experiments/group/exp01/config.yaml"));
  }

  @Test
  void aPlainFitSkipsCompletedExperiments() throws IOException {
    config("done");
    config("todo");
    Files.writeString(project.resolve("experiments/done/summary.yaml"), "Error\n...\n");

    var names =
        ProjectExperiments.notCompleted(project).stream().map(ProjectExperiments.Entry::name);

    assertThat(names).containsExactly("todo");
  }

  @Test
  void aProjectWithoutExperimentsHasNone() throws IOException {
    assertThat(ProjectExperiments.find(project)).isEmpty();
  }
}
