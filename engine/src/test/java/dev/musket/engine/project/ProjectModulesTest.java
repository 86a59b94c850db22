package dev.musket.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.config.validate.Diagnostic;
import dev.musket.engine.config.validate.ProjectNames;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Project code is compiled for real with javac; its names reach validation. */
class ProjectModulesTest {

  private static final String MODULE =
      """
      import dev.musket.engine.api.DatasetFactory;
      import dev.musket.engine.api.Metric;
      import java.util.List;

      public class Bengali {
        @DatasetFactory
        public static List<String> getBengali0() {
          return List.of("a", "b");
        }

        @Metric("hmar_incorrect")
        public static double hierarchicalRecall(double[][] yTrue, double[][] yPred) {
          return 0.5;
        }
      }
      """;

  private static Path project(Path dir, String moduleSource) throws IOException {
    Files.createDirectories(dir.resolve("modules"));
    Files.writeString(dir.resolve("modules/Bengali.java"), moduleSource);
    return dir;
  }

  @Test
  void annotatedMethodsBecomeNamesWithTheirLines(@TempDir Path dir) throws Exception {
    ProjectModules modules = ProjectModules.compile(project(dir, MODULE));

    assertThat(modules.problems()).isEmpty();
    assertThat(modules.definitions())
        .extracting(d -> d.kind() + ":" + d.name() + "@" + d.position().line())
        .containsExactlyInAnyOrder("DatasetFactory:getBengali0@6", "Metric:hmar_incorrect@11");
    ProjectNames names = modules.names();
    assertThat(names.defines(ProjectNames.Kind.DATASET_FACTORY, "GETBENGALI0")).isTrue();
    assertThat(names.defines(ProjectNames.Kind.METRIC, "hmar_incorrect")).isTrue();
    Method m = modules.classLoader().loadClass("Bengali").getMethod("getBengali0");
    assertThat(m.invoke(null)).isEqualTo(List.of("a", "b"));
    assertThat(ProjectModules.compile(dir))
        .as("unchanged sources: not compiled again")
        .isSameAs(modules);
  }

  @Test
  void compileErrorsAreDiagnosticsWithFileAndLine(@TempDir Path dir) throws IOException {
    ProjectModules modules =
        ProjectModules.compile(project(dir, MODULE.replace("return 0.5;", "return \"x\";")));

    assertThat(modules.compiled()).isFalse();
    assertThat(modules.problems())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.file()).isEqualTo(dir.resolve("modules/Bengali.java"));
              assertThat(d.line()).isEqualTo(13);
              assertThat(d.message()).contains("incompatible types");
            });
  }

  @Test
  void aDefinitionThatIsNotPublicStaticIsAnErrorAtTheMethod(@TempDir Path dir) throws IOException {
    ProjectModules modules =
        ProjectModules.compile(
            project(dir, MODULE.replace("public static List<String>", "public List<String>")));

    assertThat(modules.problems())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(7);
              assertThat(d.message())
                  .isEqualTo("@DatasetFactory methods must be public static: getBengali0");
            });
  }

  @Test
  void insideAProjectValidationKnowsTheModulesNames(@TempDir Path dir) throws IOException {
    project(dir, MODULE);
    Path config = dir.resolve("experiments/b0/config.yaml");
    Files.createDirectories(config.getParent());
    String base =
        """
        #%Musket Classification 1.0
        architecture: xception
        classes: [168, 11, 7]
        activation: [softmax, softmax, softmax]
        shape: [64, 64, 1]
        loss: categorical_crossentropy
        primary_metric: val_loss
        final_metrics: [hmar_incorrect]
        stages:
          - epochs: 1
        """;
    Files.writeString(config, base + "dataset: {getBengali0: []}\n");
    ExperimentLoader loader = new ExperimentLoader();
    assertThat(loader.load(config).diagnostics()).isEmpty();

    Files.writeString(config, base + "dataset: {getBengali1: []}\n");
    List<Diagnostic> ds = loader.load(config).diagnostics();
    assertThat(ds)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.isError()).isTrue();
              assertThat(d.message())
                  .startsWith("unknown dataset factory 'getBengali1'; did you mean 'getBengali0'?");
            });
  }

  @Test
  void aLossMetricOrCallbackOfTheWrongSignatureIsAnErrorAtTheMethodThatShowsTheRightOne(
      @TempDir Path dir) throws IOException {
    String module =
        """
        import dev.musket.engine.api.Loss;
        import dev.musket.engine.api.Metric;
        import org.nd4j.linalg.api.ndarray.INDArray;

        public class Wrong {
          @Loss("my_loss")
          public static double myLoss(INDArray yTrue, INDArray yPred) {
            return 0;
          }

          @Metric
          public static float myMetric(INDArray yTrue, double[][] yPred) {
            return 0;
          }

          @dev.musket.engine.api.Callback("Hook")
          public static String hook(int every) {
            return null;
          }
        }
        """;
    Files.createDirectories(dir.resolve("modules"));
    Files.writeString(dir.resolve("modules/Wrong.java"), module);

    ProjectModules modules = ProjectModules.compile(dir);

    assertThat(modules.compiled()).isFalse();
    assertThat(modules.definitions()).isEmpty();
    assertThat(modules.problems())
        .extracting(d -> d.file().getFileName() + ":" + d.line() + ": " + d.message())
        .containsExactlyInAnyOrder(
            "Wrong.java:7: @Loss myLoss must be 'public static ILossFunction myLoss()'"
                + " (org.nd4j.linalg.lossfunctions.ILossFunction, e.g. a subclass of"
                + " dev.musket.engine.train.loss.KerasLoss); it is"
                + " 'double myLoss(INDArray, INDArray)'",
            "Wrong.java:12: @Metric myMetric must be 'public static double"
                + " myMetric(INDArray yTrue, INDArray yPred)' or 'public static double"
                + " myMetric(double[][] yTrue, double[][] yPred)'; it is"
                + " 'float myMetric(INDArray, double[][])'",
            "Wrong.java:17: @Callback hook must be 'public static TrainingCallback"
                + " hook(Map<String, Object> args)' or 'public static TrainingCallback hook()'"
                + " (dev.musket.engine.train.callbacks.TrainingCallback); it is"
                + " 'String hook(int)'");
  }

  @Test
  void projectLossesAndMetricsValidateWhereverBuiltInsDo(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("modules"));
    Files.writeString(
        dir.resolve("modules/Scoring.java"), dev.musket.engine.testing.TinyProjects.SCORING_MODULE);
    Path config = dir.resolve("experiments/e/config.yaml");
    Files.createDirectories(config.getParent());
    String base =
        """
        #%Musket Classification 1.0
        architecture: ResNet18
        classes: 2
        activation: sigmoid
        shape: [32, 32, 3]
        metrics: [project_mae, rows_seen, squared_margin]
        primary_metric: val_project_mae
        primary_metric_mode: min
        final_metrics: [rows_seen]
        callbacks:
          EarlyStopping: {patience: 2, monitor: val_rows_seen}
        stages:
          - epochs: 1
          - epochs: 1
            loss: squared_margin
        dataset: {image_folder: [data]}
        """;
    Files.writeString(config, base + "loss: squared_margin+0.5*binary_crossentropy\n");
    ExperimentLoader loader = new ExperimentLoader();
    ExperimentLoader.Loaded loaded = loader.load(config);
    assertThat(loaded.diagnostics()).isEmpty();
    assertThat(loaded.names().names(ProjectNames.Kind.LOSS)).containsExactly("squared_margin");
    assertThat(loaded.names().names(ProjectNames.Kind.METRIC))
        .containsExactly("project_mae", "rows_seen");

    Files.writeString(config, base + "loss: squared_margn+0.5*binary_crossentropy\n");
    assertThat(loader.load(config).diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.isError()).isTrue();
              assertThat(d.message())
                  .startsWith("unknown loss 'squared_margn'; did you mean 'squared_margin'?");
            });
  }
}
