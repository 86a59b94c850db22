package dev.musket.engine.train.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.config.ComponentReader;
import dev.musket.engine.config.ComponentSpec;
import dev.musket.engine.config.ConfigLoader;
import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.schema.Schema;
import dev.musket.engine.config.validate.DiagnosticSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every callback written in the real Musket configs of {@code shared/reference/musket-configs},
 * whatever their dialect, builds into a working callback: the global ones and each stage's.
 */
class ReferenceConfigCallbacksTest {

  static Stream<Path> referenceConfigs() throws IOException {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("../shared/reference/musket-configs"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("shared/reference/musket-configs beside the repository").isNotNull();
    try (Stream<Path> s = Files.list(dir.resolve("../shared/reference/musket-configs"))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  private static List<ComponentSpec> specs(Optional<ConfigNode> tree) {
    List<ComponentSpec> out = new ArrayList<>();
    if (tree.isEmpty()) {
      return out;
    }
    DiagnosticSink sink = new DiagnosticSink();
    for (ComponentReader.Entry e : ComponentReader.entries(tree.get(), sink)) {
      var def = Schema.classification().callbacks().find(e.name());
      assertThat(def).as("callback %s is in the schema", e.name()).isPresent();
      out.add(ComponentReader.bind(def.get(), e, sink));
    }
    assertThat(sink.hasErrors()).isFalse();
    return out;
  }

  @ParameterizedTest
  @MethodSource("referenceConfigs")
  void everyCallbackOfARealConfigBuilds(Path file) {
    ConfigNode.Mapping root = new ConfigLoader().read(file).rootMapping().orElseThrow();
    List<ComponentSpec> all = new ArrayList<>(specs(root.get("callbacks")));
    if (root.get("stages").orElse(null) instanceof ConfigNode.Sequence stages) {
      for (ConfigNode stage : stages.items()) {
        if (stage instanceof ConfigNode.Mapping m) {
          all.addAll(specs(m.get("callbacks")));
          all.addAll(specs(m.get("extra_callbacks")));
        }
      }
    }
    CallbackFactory factory = new CallbackFactory();
    var testing = new CallbackTesting(0.001);

    for (ComponentSpec spec : all) {
      TrainingCallback cb = factory.create(spec);
      cb.onStageStart(testing.context(100));
      cb.onEpochStart(0);
      cb.onBatchStart(0);
      cb.onBatchEnd(0, 0.5);
      cb.onEpochEnd(0, java.util.Map.of("val_loss", 0.5, "val_binary_accuracy", 0.5));
      assertThat(cb.name()).isEqualTo(spec.name());
      assertThat(testing.lr.learningRate()).isFinite().isNotNegative();
    }
  }
}
