package dev.musket.editor.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.editor.document.YamlPath;
import org.junit.jupiter.api.Test;

class SchemaTreeTest {

  private final SchemaTree schema = TinySchema.create();

  @Test
  void rootKeysComeInDeclarationOrderWithTheirShape() {
    assertThat(schema.keys(YamlPath.root()))
        .extracting(SchemaKey::name)
        .startsWith("architecture", "optimizer", "lr");
    assertThat(schema.keys(YamlPath.root()))
        .filteredOn(k -> k.name().equals("stages"))
        .extracting(SchemaKey::shape)
        .containsExactly(ValueShape.LIST);
  }

  @Test
  void everyListItemHasTheItemKeys() {
    assertThat(schema.keys(YamlPath.parse("stages[4]")))
        .extracting(SchemaKey::name)
        .containsExactly("epochs", "lr", "loss");
    assertThat(schema.keys(YamlPath.parse("stages"))).isEmpty();
  }

  @Test
  void nestedMapsAnswerTheirKeysAndValues() {
    assertThat(schema.keys(YamlPath.parse("augmentation.Affine")))
        .extracting(SchemaKey::name)
        .containsExactly("rotate", "scale");
    assertThat(schema.values(YamlPath.parse("callbacks.EarlyStopping.mode")))
        .extracting(SchemaValue::name)
        .containsExactly("min", "max");
  }

  @Test
  void docsOfKeysAndValuesAreFoundByName() {
    assertThat(schema.keyDoc(YamlPath.root(), "lr")).contains("Learning rate of the optimizer.");
    assertThat(schema.valueDoc(YamlPath.parse("optimizer"), "SGD"))
        .contains("Stochastic gradient descent.");
    assertThat(schema.keyDoc(YamlPath.root(), "nope")).isEmpty();
  }

  @Test
  void unknownPathsGiveNothing() {
    assertThat(schema.keys(YamlPath.parse("nowhere.at.all"))).isEmpty();
    assertThat(schema.values(YamlPath.parse("lr[0].x"))).isEmpty();
  }
}
