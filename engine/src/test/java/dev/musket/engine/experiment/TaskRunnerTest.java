package dev.musket.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musket.engine.config.ExperimentConfig;
import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.project.ProjectModules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real project task, compiled from modules/ and run on an experiment with a named dataset. */
class TaskRunnerTest {

  @TempDir Path project;
  private ExperimentConfig config;
  private ProjectModules modules;

  @BeforeEach
  void projectWithATaskAndTwoDatasets() throws IOException {
    for (String cls : new String[] {"a", "b"}) {
      for (int i = 0; i < 3; i++) {
        Path png = project.resolve("data/test/" + cls + "/" + i + ".png");
        Files.createDirectories(png.getParent());
        Files.write(png, TINY_PNG);
      }
    }
    Files.createDirectories(project.resolve("modules"));
    Files.writeString(
        project.resolve("modules/Report.java"),
        """
        import dev.musket.engine.api.Task;
        import dev.musket.engine.config.ExperimentConfig;
        import dev.musket.engine.data.DataSet;
        import java.nio.file.Files;
        import java.nio.file.Path;

        public class Report {
          @Task("count_test")
          public static String countTest(ExperimentConfig config, DataSet test, Path out)
              throws java.io.IOException {
            String line = config.model().architecture() + " " + test.size();
            Files.writeString(out.resolve("count.txt"), line);
            return line;
          }
        }
        """);
    Path exp = project.resolve("experiments/e1/config.yaml");
    Files.createDirectories(exp.getParent());
    Files.writeString(
        exp,
        """
        architecture: ResNet18
        classes: 2
        activation: softmax
        shape: [32, 32, 3]
        loss: categorical_crossentropy
        primary_metric: val_loss
        stages: [{epochs: 1}]
        datasets:
          test: {image_folder: [data/test]}
        """);
    ExperimentLoader.Loaded loaded = new ExperimentLoader().load(exp);
    assertThat(loaded.diagnostics()).isEmpty();
    config = loaded.config().orElseThrow();
    modules = ProjectModules.compile(project);
  }

  @Test
  void runsTheTaskWithTheExperimentItsNamedDatasetAndItsFolder() throws IOException {
    TaskRunner runner = new TaskRunner(project, modules);
    assertThat(runner.taskNames()).containsExactly("count_test");
    assertThat(runner.run("count_test", config)).isEqualTo("ResNet18 6");
    assertThat(Files.readString(project.resolve("experiments/e1/count_test/count.txt")))
        .isEqualTo("ResNet18 6");
  }

  @Test
  void anUnknownTaskListsTheKnownOnes() {
    assertThatThrownBy(() -> new TaskRunner(project, modules).run("count", config))
        .hasMessageContaining("no task 'count'")
        .hasMessageEndingWith("tasks: count_test");
  }

  /** A 1x1 RGB PNG. */
  private static final byte[] TINY_PNG =
      java.util.Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");
}
