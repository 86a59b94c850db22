package dev.musket.engine.config.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

class SchemaTest {

  private final Schema schema = Schema.classification();

  @Test
  void everyPropertyHasADocAndRequiredOnesHaveNoDefault() {
    for (var props : java.util.List.of(schema.rootProperties(), schema.stageProperties())) {
      assertThat(props.values())
          .allSatisfy(
              p -> {
                assertThat(p.doc()).as(p.name()).isNotBlank();
                if (p.required()) {
                  assertThat(p.hasDefault()).as(p.name()).isFalse();
                }
              });
    }
  }

  @Test
  void namesAreFoundIgnoringCaseAndThroughAliases() {
    assertThat(schema.architectures().find("densenet201"))
        .get()
        .extracting(Named::name)
        .isEqualTo("DenseNet201");
    assertThat(schema.rootProperty("batch_size"))
        .get()
        .extracting(PropertySpec::name)
        .isEqualTo("batch");
    assertThat(schema.augmenters().find("FLIPLR")).isPresent();
    assertThat(schema.optimizers().suggest("adamm")).contains("Adam");
  }

  @Test
  void theJsonSchemaIsDraft2020AndDescribesTheRequiredProperties() throws IOException {
    JsonNode json = new ObjectMapper().readTree(new JsonSchemaExporter(schema).export());
    assertThat(json.get("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(json.get("required"))
        .extracting(JsonNode::asText)
        .contains("architecture", "classes", "activation", "shape", "stages");
    assertThat(json.at("/properties/batch/default").asInt()).isEqualTo(8);
    assertThat(json.at("/$defs/stage/required/0").asText()).isEqualTo("epochs");
    assertThat(json.at("/$defs/augmenter_Affine/anyOf/0/properties/rotate").isMissingNode())
        .isFalse();
  }

  /** docs/config-reference.md is generated; when the schema changes, regenerate it. */
  @Test
  void theReferencePageIsUpToDate() throws IOException {
    Path doc = repositoryRoot().resolve("docs/config-reference.md");
    String expected = new ReferenceDocWriter(schema).write();
    assertThat(Files.exists(doc) ? Files.readString(doc) : "")
        .as(
            "docs/config-reference.md is stale: run ./musket schema --reference --out docs/config-reference.md")
        .isEqualTo(expected);
  }

  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("engine/pom.xml"))) {
      dir = dir.getParent();
    }
    return dir;
  }
}
