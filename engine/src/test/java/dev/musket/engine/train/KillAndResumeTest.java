package dev.musket.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.musket.engine.cli.MusketCli;
import dev.musket.engine.experiment.ExperimentFolder;
import dev.musket.engine.experiment.MetricsTable;
import dev.musket.engine.experiment.SummaryStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code musket fit} (a separate JVM) in the middle of training, resumes it with {@code
 * --allow_resume} in a new JVM, and compares the result with an uninterrupted run.
 */
@Timeout(400)
class KillAndResumeTest {

  static final String CONFIG =
      TinyProject.CONFIG
          .replace("- epochs: 3\n  - epochs: 3", "- epochs: 4\n  - epochs: 3")
          .replace("folds_count: 2", "folds_count: 2\nrandom_state: 5");

  @TempDir Path dir;

  @Test
  void aKilledRunResumesWhereItStoppedAndEndsLikeAnUninterruptedOne() throws Exception {
    Path killed = TinyProject.create(dir.resolve("killed"), 16, CONFIG);
    Path reference = TinyProject.create(dir.resolve("reference"), 16, CONFIG);
    ExperimentFolder folder = ExperimentFolder.of(killed.resolve("experiments/tiny"));

    Process first = fit(killed, dir.resolve("first.log"));
    Path csv = folder.metricsCsv(0, 0);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    Path resumePoint = folder.resumeStateFile(0, 0);
    while (!(Files.exists(csv)
        && Files.readAllLines(csv).size() >= 2
        && Files.exists(resumePoint))) {
      assertThat(first.isAlive()).as("fit ended before a metrics row appeared").isTrue();
      assertThat(System.nanoTime()).as("no metrics row in time").isLessThan(deadline);
      Thread.sleep(10);
    }
    // at once: the child is already in the next epoch's batches, and on an idle machine a fixed
    // pause here outlasted the whole stage, so the kill missed the stage it is meant to interrupt
    first.destroyForcibly().waitFor();
    assertThat(folder.inProgressFile()).exists();
    assertThat(folder.isCompleted()).isFalse();

    Process second = fit(killed, dir.resolve("second.log"), "--allow_resume");
    assertThat(second.waitFor(300, TimeUnit.SECONDS)).isTrue();
    String log = Files.readString(dir.resolve("second.log"));
    assertThat(second.exitValue()).as(log).isZero();
    assertThat(log).containsPattern("Resuming at fold 0, stage 0, epoch [1-9]");

    assertThat(MusketCli.run("fit", "--project", reference.toString())).isZero();
    ExperimentFolder ref = ExperimentFolder.of(reference.resolve("experiments/tiny"));
    for (int fold = 0; fold < 2; fold++) {
      for (int stage = 0; stage < 2; stage++) {
        MetricsTable resumed = MetricsTable.read(folder.metricsCsv(fold, stage));
        MetricsTable whole = MetricsTable.read(ref.metricsCsv(fold, stage));
        assertThat(resumed.columns()).isEqualTo(whole.columns());
        assertThat(resumed.epochs()).as("fold %d stage %d", fold, stage).isEqualTo(whole.epochs());
        for (int row = 0; row < whole.rows().size(); row++) {
          for (String column : whole.columns()) {
            assertThat(resumed.rows().get(row).get(column))
                .as("fold %d stage %d epoch %d %s", fold, stage, row, column)
                .isCloseTo(whole.rows().get(row).get(column), within(1e-6));
          }
        }
        assertThat(folder.bestWeights(fold, stage)).isNotEmptyFile();
      }
    }
    assertThat(folder.readSummary()).get().isInstanceOf(SummaryStatus.Completed.class);
    assertThat(folder.inProgressFile()).doesNotExist();
    assertThat(folder.resumeDir()).doesNotExist();
    try (Stream<Path> files = Files.walk(folder.dir())) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  private static Process fit(Path project, Path log, String... extra) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(MusketCli.class.getName());
    command.add("fit");
    command.add("--project");
    command.add(project.toString());
    command.add("--num_workers");
    command.add("2");
    command.addAll(List.of(extra));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }
}
