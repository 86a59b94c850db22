package dev.musket.editor.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineIndexTest {

  private final LineIndex index = LineIndex.of("ab\n\ncde");

  @Test
  void mapsOffsetsToLinesAndBack() {
    assertThat(index.lineCount()).isEqualTo(3);
    assertThat(index.lineOf(0)).isEqualTo(0);
    assertThat(index.lineOf(2)).isEqualTo(0);
    assertThat(index.lineOf(3)).isEqualTo(1);
    assertThat(index.lineOf(6)).isEqualTo(2);
    assertThat(index.offsetOf(2, 1)).isEqualTo(5);
  }

  @Test
  void clampsColumnsPastTheLineEnd() {
    assertThat(index.offsetOf(0, 99)).isEqualTo(2);
    assertThat(index.offsetOf(9, 0)).isEqualTo(7);
  }
}
