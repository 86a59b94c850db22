package dev.musket.app.lrfinder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LrConfigEditTest {

  private static String set(String yaml, double lr) {
    return LrConfigEdit.setLr(yaml, lr).applyTo(yaml);
  }

  @Test
  void replacesTheTopLevelValueAndKeepsItsComment() {
    assertThat(set("optimizer: Adam\nlr: 0.001  # from the paper\nbatch: 8\n", 0.0142))
        .isEqualTo("optimizer: Adam\nlr: 0.0142  # from the paper\nbatch: 8\n");
  }

  @Test
  void leavesTheStagesOwnRatesAlone() {
    String yaml = "stages:\n  - epochs: 3\n    lr: 0.5\n  - {epochs: 2, lr: 0.1}\nlr: 1e-3\n";
    assertThat(set(yaml, 0.02))
        .isEqualTo("stages:\n  - epochs: 3\n    lr: 0.5\n  - {epochs: 2, lr: 0.1}\nlr: 0.02\n");
  }

  @Test
  void addsATopLevelLineWhenOnlyStagesHaveAnLr() {
    String yaml = "stages:\n  - epochs: 3\n    lr: 0.5\n# lr: 0.3 was worse";
    assertThat(set(yaml, 0.003))
        .isEqualTo("stages:\n  - epochs: 3\n    lr: 0.5\n# lr: 0.3 was worse\nlr: 0.003\n");
  }

  @Test
  void aCommentedOutLrIsNotTheKey() {
    assertThat(set("# lr: 0.1\nbatch: 4\n", 0.01)).isEqualTo("# lr: 0.1\nbatch: 4\nlr: 0.01\n");
  }

  @Test
  void aKeyEndingInLrIsNotTheKey() {
    assertThat(set("start_lr: 0.1\nlr_x: 2\n", 0.01))
        .isEqualTo("start_lr: 0.1\nlr_x: 2\nlr: 0.01\n");
  }

  @Test
  void worksInAFlowStyleRoot() {
    assertThat(set("{batch: 4, lr: 0.1}", 0.25)).isEqualTo("{batch: 4, lr: 0.25}");
    assertThat(set("{batch: 4}\n", 0.25)).isEqualTo("{batch: 4, lr: 0.25}\n");
  }

  @Test
  void replacesQuotedTaggedAndEmptyValues() {
    assertThat(set("lr: '0.1'\n", 0.01)).isEqualTo("lr: 0.01\n");
    assertThat(set("lr: !!float 0.1\n", 0.01)).isEqualTo("lr: 0.01\n");
    assertThat(set("lr:\nbatch: 4\n", 0.01)).isEqualTo("lr: 0.01\nbatch: 4\n");
  }

  @Test
  void anAliasIsReplacedWhereTheKeyIsNotWhereTheAnchorIs() {
    String yaml = "base: &rate 0.1\nlr: *rate\n";
    assertThat(set(yaml, 0.01)).isEqualTo("base: &rate 0.1\nlr: 0.01\n");
  }

  @Test
  void positionsCountJavaCharactersAfterWideCharacters() {
    assertThat(set("name: \"\uD83D\uDE80 rocket\"\nlr: 0.1\n", 0.01))
        .isEqualTo("name: \"\uD83D\uDE80 rocket\"\nlr: 0.01\n");
  }

  @Test
  void anEmptyConfigGetsTheLine() {
    assertThat(set("", 0.01)).isEqualTo("lr: 0.01\n");
    assertThat(set("batch: 4", 0.01)).isEqualTo("batch: 4\nlr: 0.01\n");
  }

  @Test
  void brokenYamlIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> LrConfigEdit.setLr("batch: [4\n", 0.01))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the config is not valid YAML");
    assertThatThrownBy(() -> LrConfigEdit.setLr("- 1\n- 2\n", 0.01))
        .hasMessageContaining("not a mapping");
  }

  @Test
  void formatsAsAYamlFloatWithThreeDigits() {
    assertThat(LrConfigEdit.format(0.014174741)).isEqualTo("0.0142");
    assertThat(LrConfigEdit.format(1e-7)).isEqualTo("0.0000001");
    assertThat(LrConfigEdit.format(3)).isEqualTo("3.0");
    assertThat(LrConfigEdit.format(0.1)).isEqualTo("0.1");
  }
}
