package dev.musket.editor.edit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommentToggleTest {

  @Test
  void commentsTheCaretLine() {
    String text = "lr: 0.1\nbatch: 8";
    assertThat(CommentToggle.toggle(text, 9, 9).applyTo(text)).isEqualTo("lr: 0.1\n# batch: 8");
  }

  @Test
  void commentsASelectionAtItsSmallestIndent() {
    String text = "callbacks:\n  A:\n    p: 1\n";
    String toggled = CommentToggle.toggle(text, 11, 24).applyTo(text);
    assertThat(toggled).isEqualTo("callbacks:\n  # A:\n  #   p: 1\n");
  }

  @Test
  void uncommentsWhenEveryLineIsAComment() {
    String text = "# lr: 0.1\n  #batch: 8\n";
    assertThat(CommentToggle.toggle(text, 0, 15).applyTo(text)).isEqualTo("lr: 0.1\n  batch: 8\n");
  }

  @Test
  void toggleTwiceGivesTheOriginal() {
    String text = "a: 1\n\n  b: 2";
    String once = CommentToggle.toggle(text, 0, text.length()).applyTo(text);
    assertThat(once).isEqualTo("# a: 1\n\n#   b: 2");
    assertThat(CommentToggle.toggle(once, 0, once.length()).applyTo(once))
        .isEqualTo("a: 1\n\n  b: 2");
  }
}
