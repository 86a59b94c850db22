package dev.musket.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.config.validate.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectDatasetFactoriesTest {
  @TempDir Path project;

  /**
   * Compiles the project's modules and registers their dataset factories, as ExperimentData does.
   */
  private static List<Diagnostic> load(Path project, DatasetFactories factories) {
    var modules = dev.musket.engine.project.ProjectModules.compile(project);
    List<Diagnostic> problems = new java.util.ArrayList<>(modules.problems());
    if (modules.compiled()) {
      problems.addAll(ProjectDatasetFactories.register(modules, factories));
    }
    return problems;
  }

  @Test
  void annotatedStaticMethodsBecomeDatasetFactories() throws IOException {
    TestData.write(project.resolve("data/a/x.png"), TestData.solid(3, 3, 3, 5));
    TestData.write(project.resolve("data/b/y.png"), TestData.solid(3, 3, 3, 6));
    Files.createDirectories(project.resolve("modules"));
    Files.writeString(
        project.resolve("modules/MyData.java"),
        """
        import dev.musket.engine.api.DatasetFactory;
        import dev.musket.engine.data.*;
        import java.nio.file.Path;

        public class MyData {
          @DatasetFactory("folders_twice")
          public static DataSet twice(Path root, int times, boolean flag) {
            FileImageDataSet base = ImageFolderDataSets.load(root);
            java.util.List<FileImageDataSet.Entry> all = new java.util.ArrayList<>();
            for (int t = 0; t < times; t++) {
              for (int i = 0; i < base.size(); i++) {
                all.add(new FileImageDataSet.Entry(base.id(i) + "#" + t, base.file(i), base.target(i)));
              }
            }
            return new FileImageDataSet(all, base.classNames());
          }
        }
        """);
    DatasetFactories factories = DatasetFactories.builtIn();
    List<Diagnostic> problems = load(project, factories);
    assertThat(problems).isEmpty();
    assertThat(factories.names()).contains("folders_twice");
    DatasetBuild positional =
        factories.create(TestData.yaml("folders_twice: [data, 3, true]"), project);
    assertThat(positional.diagnostics()).isEmpty();
    assertThat(positional.dataSet().orElseThrow().size()).isEqualTo(6);
    DatasetBuild named =
        factories.create(
            TestData.yaml("folders_twice: {root: data, times: 2, flag: false}"), project);
    assertThat(named.dataSet().orElseThrow().id(3)).isEqualTo("b/y.png#1");
    DatasetBuild badType =
        factories.create(TestData.yaml("folders_twice: [data, two, true]"), project);
    assertThat(badType.diagnostics().get(0).message()).contains("times must be int");
  }

  @Test
  void compileErrorsAreDiagnosticsWithFileAndLine() throws IOException {
    Files.createDirectories(project.resolve("modules"));
    Path source = project.resolve("modules/Broken.java");
    Files.writeString(source, "public class Broken {\n  int x = \"text\";\n}\n");
    List<Diagnostic> problems = load(project, DatasetFactories.builtIn());
    assertThat(problems).hasSize(1);
    Diagnostic d = problems.get(0);
    assertThat(d.isError()).isTrue();
    assertThat(d.file().getFileName().toString()).isEqualTo("Broken.java");
    assertThat(d.line()).isEqualTo(2);
  }

  @Test
  void aProjectWithoutModulesNeedsNoCompiler() {
    assertThat(load(project, DatasetFactories.builtIn())).isEmpty();
  }
}
