package dev.musket.editor.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlOutlineTest {

  private static final String CONFIG =
      """
      architecture: resnet50
      callbacks:
        EarlyStopping:
          patience: 3
      stages:
        - epochs: 3
          lr: 0.1
        - epochs: 5
      "quoted key": 1
      """;

  @Test
  void listsEveryKeyWithTheMappingThatHoldsIt() {
    List<String> entries =
        YamlOutline.of(CONFIG).entries().stream()
            .map(e -> e.mapPath() + "/" + e.key() + "@" + e.line() + ":" + e.column())
            .toList();
    assertThat(entries)
        .containsExactly(
            "/architecture@0:0",
            "/callbacks@1:0",
            "callbacks/EarlyStopping@2:2",
            "callbacks.EarlyStopping/patience@3:4",
            "/stages@4:0",
            "stages[0]/epochs@5:4",
            "stages[0]/lr@6:4",
            "stages[1]/epochs@7:4",
            "/quoted key@8:0");
  }

  @Test
  void keysInAMappingCanSkipTheLineBeingEdited() {
    YamlOutline outline = YamlOutline.of(CONFIG);
    assertThat(outline.keysIn(YamlPath.root(), -1))
        .containsExactlyInAnyOrder("architecture", "callbacks", "stages", "quoted key");
    assertThat(outline.keysIn(YamlPath.root(), 0)).doesNotContain("architecture");
    assertThat(outline.keysIn(YamlPath.parse("stages[0]"), -1)).containsOnly("epochs", "lr");
  }
}
