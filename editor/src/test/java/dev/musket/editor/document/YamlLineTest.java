package dev.musket.editor.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YamlLineTest {

  @Test
  void readsIndentDashesKeyValueAndComment() {
    YamlLine line = YamlLine.parse("  - epochs: 3  # three");
    assertThat(line.indent()).isEqualTo(2);
    assertThat(line.dashColumns()).containsExactly(2);
    assertThat(line.key()).isEqualTo("epochs");
    assertThat(line.keyColumn()).isEqualTo(4);
    assertThat(line.keyEnd()).isEqualTo(10);
    assertThat(line.value()).isEqualTo("3");
    assertThat(line.commentColumn()).isEqualTo(15);
  }

  @Test
  void aColonWithoutASpaceIsPartOfAScalar() {
    YamlLine line = YamlLine.parse("url: http://example.org/a#frag");
    assertThat(line.key()).isEqualTo("url");
    assertThat(line.value()).isEqualTo("http://example.org/a#frag");
    assertThat(line.commentColumn()).isEqualTo(-1);
  }

  @Test
  void aHashInsideQuotesIsNoComment() {
    YamlLine line = YamlLine.parse("name: \"a # b\" # real");
    assertThat(line.value()).isEqualTo("\"a # b\"");
    assertThat(line.commentColumn()).isEqualTo(14);
  }

  @Test
  void aKeyWithNoValueOpensABlock() {
    assertThat(YamlLine.parse("callbacks:").opensBlock()).isTrue();
    assertThat(YamlLine.parse("callbacks: # later").opensBlock()).isTrue();
    assertThat(YamlLine.parse("lr: 0.1").opensBlock()).isFalse();
  }

  @Test
  void quotedKeysAreUnquoted() {
    YamlLine line = YamlLine.parse("'odd key': 1");
    assertThat(line.key()).isEqualTo("odd key");
    assertThat(line.keyEnd()).isEqualTo(9);
  }

  @Test
  void aScalarListItemHasNoKey() {
    YamlLine line = YamlLine.parse("  - binary_accuracy");
    assertThat(line.key()).isNull();
    assertThat(line.value()).isEqualTo("binary_accuracy");
    assertThat(line.isBlankOrComment()).isFalse();
  }

  @Test
  void blankAndCommentLinesAreRecognised() {
    assertThat(YamlLine.parse("   ").isBlankOrComment()).isTrue();
    assertThat(YamlLine.parse("  # note: with colon").isBlankOrComment()).isTrue();
  }
}
