package dev.musket.app.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.config.validate.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentFilesTest {

  @Test
  void theTemplateIsAValidConfigInAProject(@TempDir Path project) throws Exception {
    Files.createDirectories(project.resolve("data/images/cats"));
    Files.createDirectories(project.resolve("data/images/dogs"));
    Path config = ExperimentFiles.create(project, "first");

    ExperimentLoader.Loaded loaded = new ExperimentLoader().load(config);

    assertThat(loaded.diagnostics()).extracting(Diagnostic::message).isEmpty();
    assertThat(loaded.config()).isPresent();
  }

  @Test
  void duplicateCopiesOnlyTheConfig(@TempDir Path project) throws Exception {
    Path source = TestProjects.experiment(project, "a", "classes: 3\n");
    TestProjects.complete(source);

    Path copy = ExperimentFiles.duplicate(project, source, "group/b");

    assertThat(copy).isEqualTo(project.resolve("experiments/group/b/config.yaml"));
    assertThat(Files.readString(copy)).isEqualTo("classes: 3\n");
    assertThat(copy.resolveSibling("summary.yaml")).doesNotExist();
  }

  @Test
  void renameMovesTheFolderWithItsResults(@TempDir Path project) throws Exception {
    Path source = TestProjects.experiment(project, "a", "classes: 3\n");
    TestProjects.complete(source);

    Path moved = ExperimentFiles.rename(project, source, "b");

    assertThat(source).doesNotExist();
    assertThat(moved.resolve("summary.yaml")).exists();
  }

  @Test
  void deleteMovesTheFolderToTheProjectsTrash(@TempDir Path project) throws Exception {
    Path source = TestProjects.experiment(project, "group/a", "classes: 3\n");

    Path trash = ExperimentFiles.delete(project, source);

    assertThat(source).doesNotExist();
    assertThat(trash.getParent()).isEqualTo(project.resolve(".musket/trash"));
    assertThat(trash.getFileName().toString()).startsWith("group_a-");
    assertThat(Files.readString(trash.resolve("config.yaml"))).isEqualTo("classes: 3\n");
  }

  @Test
  void deleteRefusesAFolderOutsideExperiments(@TempDir Path project) {
    assertThatThrownBy(() -> ExperimentFiles.delete(project, project.resolve("data")))
        .hasMessageContaining("is not an experiment folder");
  }

  @Test
  void badNamesAreRefusedWithWhatToChange(@TempDir Path project) throws Exception {
    TestProjects.experiment(project, "taken", "classes: 2\n");

    assertThat(ExperimentNames.problemWith(project, " "))
        .hasValueSatisfying(m -> assertThat(m).startsWith("Enter a name"));
    assertThat(ExperimentNames.problemWith(project, "taken"))
        .hasValue("experiments/taken already exists.");
    assertThat(ExperimentNames.problemWith(project, "a//b"))
        .hasValueSatisfying(m -> assertThat(m).contains("empty part"));
    assertThat(ExperimentNames.problemWith(project, ".hidden"))
        .hasValueSatisfying(m -> assertThat(m).contains("must not start with '.'"));
    assertThat(ExperimentNames.problemWith(project, "x/metrics"))
        .hasValueSatisfying(m -> assertThat(m).contains("a training run writes"));
    assertThat(ExperimentNames.problemWith(project, "a b"))
        .hasValueSatisfying(m -> assertThat(m).contains("'a b' may only use"));
    assertThat(ExperimentNames.problemWith(project, "group/resnet18_lr0.01")).isEmpty();
    assertThatThrownBy(() -> ExperimentFiles.create(project, "taken"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("experiments/taken already exists.");
  }
}
