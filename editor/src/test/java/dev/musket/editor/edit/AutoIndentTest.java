package dev.musket.editor.edit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AutoIndentTest {

  @Test
  void keepsTheIndentOfAPlainLine() {
    assertThat(AutoIndent.after("    patience: 3")).isEqualTo("    ");
  }

  @Test
  void indentsAfterAKeyThatOpensABlock() {
    assertThat(AutoIndent.after("callbacks:")).isEqualTo("  ");
    assertThat(AutoIndent.after("  EarlyStopping:  # stop")).isEqualTo("    ");
  }

  @Test
  void alignsWithTheContentOfAListItem() {
    assertThat(AutoIndent.after("  - epochs: 3")).isEqualTo("    ");
    assertThat(AutoIndent.after("  - callbacks:")).isEqualTo("      ");
  }

  @Test
  void aBlankLineKeepsItsSpaces() {
    assertThat(AutoIndent.after("   ")).isEqualTo("   ");
  }
}
