package dev.musket.editor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.editor.highlight.YamlHighlighter;
import org.junit.jupiter.api.Test;

class StyleDeltaTest {

  private static int[] range(String before, String after, int editedFrom, int editedFromEnd) {
    return StyleDelta.range(
        YamlHighlighter.highlight(before),
        YamlHighlighter.highlight(after),
        editedFrom,
        editedFromEnd);
  }

  @Test
  void onlyTheEditedLineIsRestyledWhenNothingElseChanged() {
    String before = "a: 1\nb: 2\nc: 3\n";
    String after = "a: 1\nb: 22\nc: 3\n";
    int[] range = range(before, after, 8, after.length() - 10);
    assertThat(range[0]).isLessThanOrEqualTo(8);
    assertThat(range[0]).isGreaterThanOrEqualTo(5);
    assertThat(range[1]).isGreaterThanOrEqualTo(10).isLessThanOrEqualTo(11);
  }

  @Test
  void stylesThatChangeFarFromTheEditAreIncluded() {
    String before = "a: 1\n  b: 2\n  c: 3\n";
    String after = "a: |\n  b: 2\n  c: 3\n";
    int[] range = range(before, after, 3, after.length() - 4);
    assertThat(range[0]).isLessThanOrEqualTo(3);
    assertThat(range[1]).isGreaterThan(after.indexOf("c: 3"));
  }

  @Test
  void anEditThatRestoredTheTextIsStillRestyled() {
    String text = "a: 1\nb: 2\n";
    int[] range = range(text, text, 5, 2);
    assertThat(range).containsExactly(5, 8);
  }

  @Test
  void identicalStylesWithNoEditsNeedNothing() {
    String text = "a: 1\nb: 2\n";
    int[] range = range(text, text, Integer.MAX_VALUE, Integer.MAX_VALUE);
    assertThat(range[0]).isGreaterThanOrEqualTo(range[1]);
  }
}
