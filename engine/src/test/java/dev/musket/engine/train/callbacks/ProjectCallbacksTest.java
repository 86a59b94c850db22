package dev.musket.engine.train.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musket.engine.config.ComponentSpec;
import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.SourcePosition;
import dev.musket.engine.project.ProjectModules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project callback's own failures name the method and the config line that asked for it. */
class ProjectCallbacksTest {

  private static final String MODULE =
      """
      import dev.musket.engine.api.Callback;
      import dev.musket.engine.train.callbacks.TrainingCallback;
      import java.util.Map;

      public class Hooks {
        @Callback("Needy")
        public static TrainingCallback needy(Map<String, Object> args) {
          long every = (Long) args.get("every");
          return new TrainingCallback() {};
        }

        @Callback
        public static TrainingCallback quiet() {
          return new TrainingCallback() {};
        }
      }
      """;

  @Test
  void aFailingFactoryNamesTheMethodAndTheConfigLine(@TempDir Path project) throws IOException {
    var builders = builders(project);
    ComponentSpec needy = new ComponentSpec("needy", Map.of(), new SourcePosition(12, 3), null);

    assertThatThrownBy(() -> builders.get("Needy").apply(needy))
        .hasMessageStartingWith("@Callback Hooks.needy (Hooks.java:6) failed for 'needy' (line 12)")
        .hasMessageContaining("NullPointerException");
  }

  @Test
  void argumentsForAFactoryThatTakesNoneAreRefused(@TempDir Path project) throws IOException {
    var builders = builders(project);
    ConfigNode.Scalar one = new ConfigNode.Scalar(1L, "1", null, new SourcePosition(5, 12), "x");
    ComponentSpec quiet =
        new ComponentSpec("quiet", Map.of("x", one), new SourcePosition(5, 3), null);

    assertThatThrownBy(() -> builders.get("quiet").apply(quiet))
        .hasMessage(
            "Callback 'quiet' (line 5) is given arguments [x], but Hooks.quiet (Hooks.java:12)"
                + " takes none; add a 'Map<String, Object> args' parameter or remove them");
    assertThat(builders.get("quiet").apply(new ComponentSpec("quiet", Map.of(), null, null)))
        .isNotNull();
  }

  private static Map<String, java.util.function.Function<ComponentSpec, TrainingCallback>> builders(
      Path project) throws IOException {
    Files.createDirectories(project.resolve("modules"));
    Files.writeString(project.resolve("modules/Hooks.java"), MODULE);
    ProjectModules modules = ProjectModules.compile(project);
    assertThat(modules.problems()).isEmpty();
    return ProjectCallbacks.builders(modules);
  }
}
