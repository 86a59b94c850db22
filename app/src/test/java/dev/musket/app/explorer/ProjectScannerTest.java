package dev.musket.app.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.musket.app.state.ExperimentStatus;
import dev.musket.engine.experiment.ExperimentFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectScannerTest {

  @Test
  void mapsEachExperimentFolderStateToItsStatus(@TempDir Path project) throws Exception {
    TestProjects.experiment(project, "fresh", "classes: 2\n");
    Path done = TestProjects.experiment(project, "done", "primary_metric: val_accuracy\n");
    TestProjects.complete(done);
    Path failed = TestProjects.experiment(project, "failed", "classes: 2\n");
    ExperimentFolder.of(failed).markFailed(List.of(new IllegalStateException("boom")));
    Path cancelled = TestProjects.experiment(project, "cancelled", "classes: 2\n");
    ExperimentFolder.of(cancelled).markCancelled();
    Path killed = TestProjects.experiment(project, "group/killed", "classes: 2\n");
    ExperimentFolder.of(killed).markInProgress();

    ProjectSnapshot snapshot = ProjectScanner.scan(project);

    assertThat(snapshot.experiments())
        .extracting(ExperimentInfo::name, ExperimentInfo::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("cancelled", ExperimentStatus.CANCELLED),
            org.assertj.core.groups.Tuple.tuple("done", ExperimentStatus.COMPLETED),
            org.assertj.core.groups.Tuple.tuple("failed", ExperimentStatus.FAILED),
            org.assertj.core.groups.Tuple.tuple("fresh", ExperimentStatus.NEW),
            org.assertj.core.groups.Tuple.tuple("group/killed", ExperimentStatus.INTERRUPTED));
    ExperimentInfo completed = snapshot.experiments().get(1);
    assertThat(completed.score()).isCloseTo(0.85, within(1e-9));
    assertThat(completed.statusText()).isEqualTo("completed 0.8500");
  }

  @Test
  void theScoreUsesCommonYamlsPrimaryMetricAndTheHoldoutWhenThereIsOne(@TempDir Path project)
      throws Exception {
    Files.writeString(project.resolve("common.yaml"), "primary_metric: val_loss\n");
    Path done = TestProjects.experiment(project, "done", "classes: 2\n");
    TestProjects.complete(done);

    ExperimentInfo info = ProjectScanner.scan(project).experiments().get(0);

    assertThat(info.score()).isEqualTo(0.4); // loss_holdout, preferred over the folds' mean
  }

  @Test
  void aCompletedRunWithoutItsMetricHasNoScoreAndSaysWhy(@TempDir Path project) throws Exception {
    Path done = TestProjects.experiment(project, "done", "classes: 2\n");
    TestProjects.complete(done);

    ExperimentInfo info = ProjectScanner.scan(project).experiments().get(0);

    assertThat(info.status()).isEqualTo(ExperimentStatus.COMPLETED);
    assertThat(info.score()).isNull();
    assertThat(info.detail()).isEqualTo("no val_binary_accuracy in summary");
  }

  @Test
  void anUnreadableSummaryIsAFailureWithTheReasonNotACrash(@TempDir Path project) throws Exception {
    Path broken = TestProjects.experiment(project, "broken", "classes: 2\n");
    Files.writeString(broken.resolve("summary.yaml"), "a: [unclosed\n");

    ExperimentInfo info = ProjectScanner.scan(project).experiments().get(0);

    assertThat(info.status()).isEqualTo(ExperimentStatus.FAILED);
    assertThat(info.detail()).startsWith("summary.yaml cannot be read");
  }

  @Test
  void listsCommonYamlModulesAndData(@TempDir Path project) throws Exception {
    Files.writeString(project.resolve("common.yaml"), "batch: 4\n");
    Files.createDirectories(project.resolve("modules/sub"));
    Files.writeString(project.resolve("modules/Factories.java"), "class Factories {}\n");
    Files.writeString(project.resolve("modules/sub/Tasks.java"), "class Tasks {}\n");
    Files.createDirectories(project.resolve("data"));

    ProjectSnapshot snapshot = ProjectScanner.scan(project);

    assertThat(snapshot.experiments()).isEmpty();
    assertThat(snapshot.commonYaml()).isEqualTo(project.resolve("common.yaml"));
    assertThat(snapshot.modules())
        .containsExactly(
            project.resolve("modules/Factories.java"), project.resolve("modules/sub/Tasks.java"));
    assertThat(snapshot.dataDir()).isEqualTo(project.resolve("data"));
  }
}
