package dev.musket.editor.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YamlPathTest {

  @Test
  void parsesAndPrintsTheDottedForm() {
    YamlPath path = YamlPath.parse("stages[1].callbacks.EarlyStopping");
    assertThat(path.segments())
        .containsExactly(
            new YamlPath.Key("stages"),
            new YamlPath.Index(1),
            new YamlPath.Key("callbacks"),
            new YamlPath.Key("EarlyStopping"));
    assertThat(path).hasToString("stages[1].callbacks.EarlyStopping");
  }

  @Test
  void thePatternIgnoresIndices() {
    assertThat(YamlPath.parse("stages[3].lr").toPattern()).isEqualTo("stages[].lr");
    assertThat(YamlPath.parse("stages[3].lr").keyNames()).containsExactly("stages", "lr");
  }

  @Test
  void theEmptyStringIsTheRoot() {
    assertThat(YamlPath.parse("")).isEqualTo(YamlPath.root());
    assertThat(YamlPath.root().child("a").parent()).isEqualTo(YamlPath.root());
  }
}
