package dev.musket.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.experiment.ExperimentFolder;
import dev.musket.engine.experiment.MetricsTable;
import dev.musket.engine.testing.CliRun;
import dev.musket.engine.testing.TinyProjects;
import dev.musket.engine.testing.TinyProjects.Greys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code musket fit} runs the callbacks a project defines ({@code @Callback} in {@code
 * modules/*.java}) with the config's arguments, beside the config's own {@code CSVLogger} and a
 * {@code ModelCheckpoint} whose relative path lands in the experiment's folder, as Musket (which
 * ran in that folder) wrote them. The project callback stops the stage early, so the run proves it
 * was called and obeyed, not just built.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class ProjectCallbacksFitTest {

  private static final String MODULE =
      """
      import dev.musket.engine.api.Callback;
      import dev.musket.engine.train.callbacks.TrainingCallback;
      import java.io.IOException;
      import java.io.UncheckedIOException;
      import java.nio.file.Files;
      import java.nio.file.Path;
      import java.util.Map;

      public class Hooks {
        /** Writes each epoch's validation loss, and stops after 'after' epochs. */
        @Callback("StopAfter")
        public static TrainingCallback stopAfter(Map<String, Object> args) {
          long after = (Long) args.get("after");
          Path log = Path.of((String) args.get("log"));
          write(log, "args " + args + " " + args.get("tags").getClass().getSimpleName() + "\\n");
          return new TrainingCallback() {
            int epochs;

            @Override
            public void onEpochEnd(int epoch, Map<String, Double> metrics) {
              epochs++;
              write(log, "epoch " + epoch + " val_loss " + metrics.get("val_loss") + "\\n");
            }

            @Override
            public boolean shouldStop() {
              return epochs >= after;
            }
          };
        }

        @Callback
        public static TrainingCallback silent() {
          return new TrainingCallback() {};
        }

        private static void write(Path log, String line) {
          try {
            Files.writeString(
                log,
                line,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
      """;

  private ExperimentFolder folder;
  private CliRun run;
  private Path log;

  @BeforeAll
  void fit(@TempDir Path dir) throws IOException {
    Path project = dir.resolve("project");
    log = dir.resolve("callback.log");
    TinyProjects.writeModule(project, TinyProjects.TINY_NET);
    TinyProjects.writeModule(project, "Hooks.java", MODULE);
    TinyProjects.images(project.resolve("data/images"), 8, new Random(3), Greys.PLAIN);
    String config =
        """
        #%%Musket Classification 1.0
        architecture: TinyNet
        shape: [16, 16, 3]
        classes: 2
        activation: sigmoid
        loss: binary_crossentropy
        optimizer: Adam
        lr: 0.01
        batch: 4
        folds_count: 2
        callbacks:
          stopafter: {after: 2, log: '%s', tags: [a, b], nested: {x: 1.5, y: null}}
          Silent:
          CSVLogger: {filename: extra-log.csv}
          ModelCheckpoint: {filepath: checkpoints/last.weights}
        stages:
          - epochs: 5
        dataset:
          image_folder: [data/images]
        """
            .formatted(log.toString().replace("'", "''"));
    folder = ExperimentFolder.of(TinyProjects.experiment(project, "hooked", config));
    run = CliRun.of("fit", "--project", project.toString(), "--folds", "0", "--num_workers", "1");
  }

  @Test
  void theProjectCallbackGetsTheConfigsArgumentsAsPlainValuesAndStopsTheStage() throws IOException {
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    List<String> lines = Files.readAllLines(log);
    assertThat(lines.get(0))
        .startsWith("args {after=2, log=")
        .endsWith(", tags=[a, b], nested={x=1.5, y=null}} " + "UnmodifiableRandomAccessList");
    assertThat(lines.subList(1, lines.size()))
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).matches("epoch [01] val_loss \\d.*"));
    assertThat(MetricsTable.read(folder.metricsCsv(0, 0)).rows())
        .as("stopped after two of five epochs")
        .hasSize(2);
  }

  @Test
  void theConfigsCsvLoggerAndCheckpointWriteIntoTheExperimentsFolder() throws IOException {
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    Path csv = folder.dir().resolve("extra-log.csv");
    assertThat(csv).exists();
    assertThat(Files.readAllLines(csv)).hasSize(3); // header + two epochs
    assertThat(folder.dir().resolve("checkpoints/last.weights")).exists();
  }
}
