package dev.musket.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class ModelRegistryTest {

  private final ModelRegistry registry = ModelRegistry.standard();

  @Test
  void namesAreCaseInsensitive() {
    assertThat(registry.builder("resnet50")).isSameAs(registry.builder("RESNET50"));
    assertThat(registry.canonicalName("densenet121")).isEqualTo("DenseNet121");
  }

  @Test
  void unknownNameListsKnownOnesAndSuggestsTheClosest() {
    assertThatThrownBy(() -> registry.builder("resnet5O"))
        .isInstanceOf(UnknownArchitectureException.class)
        .hasMessageContaining("unknown architecture 'resnet5O'")
        .hasMessageContaining("did you mean ResNet50?")
        .hasMessageContaining("known: ResNet18, ResNet34");
    assertThatThrownBy(() -> registry.builder("transformer"))
        .hasMessageNotContaining("did you mean")
        .hasMessageContaining("NASNetLarge");
  }

  @Test
  void projectCodeRegistersItsOwnArchitecture() {
    ModelRegistry withTiny = TinyArchitecture.registry();
    assertThat(withTiny.contains("tinynet")).isTrue();
    assertThat(registry.contains("tinynet")).isFalse();
    ModelSpec spec = ModelSpec.builder("tinynet").shape(32, 32, 3).classes(2).build();
    assertThat(ModelSummary.countParams(new ModelAssembler(withTiny).configuration(spec)))
        .isPositive();
  }

  @Test
  void schemaDeclaresExactlyTheRegisteredArchitectures() throws Exception {
    Map<String, Object> schema;
    try (InputStream in =
        getClass().getResourceAsStream("/dev/musket/engine/config/schema/architectures.yaml")) {
      schema = new Yaml().load(in);
    }
    assertThat(schema.keySet()).containsExactlyElementsOf(registry.names());
  }

  /** What a project module's {@code @Architecture} method looks like. */
  public static String smallNet(LayerGraph graph, String input) {
    String x = graph.conv("stem_conv1", input, 4, 3, 2, Padding.VALID, true);
    return graph.relu("stem_relu1", x);
  }

  public static int notABuilder() {
    return 1;
  }

  @Test
  void aStaticMethodOfProjectCodeBecomesABuilder() throws Exception {
    ModelRegistry withMethod =
        ModelRegistry.standard()
            .register(
                "SmallNet",
                StaticMethodBuilder.of(
                    getClass().getMethod("smallNet", LayerGraph.class, String.class)));
    ModelSpec spec = ModelSpec.builder("smallnet").shape(32, 32, 3).classes(2).build();
    assertThat(ModelSummary.countParams(new ModelAssembler(withMethod).configuration(spec)))
        .isEqualTo(3 * 3 * 3 * 4 + 4 + 4 * 2 + 2);
    assertThatThrownBy(() -> StaticMethodBuilder.of(getClass().getMethod("notABuilder")))
        .hasMessageContaining("write it as 'public static String notABuilder(LayerGraph graph");
  }
}
