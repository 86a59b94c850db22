package dev.musket.editor.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlTokenizerTest {

  /** Tokens rendered as "type:text" for readable assertions. */
  private static List<String> tokens(String text) {
    return YamlTokenizer.tokenize(text).stream()
        .map(t -> t.type() + ":" + text.substring(t.start(), t.end()))
        .toList();
  }

  @Test
  void aKeyValueLineHasKeyColonAndTypedValue() {
    assertThat(tokens("lr: 0.001")).containsExactly("KEY:lr", "PUNCTUATION::", "NUMBER:0.001");
    assertThat(tokens("copyWeights: true"))
        .containsExactly("KEY:copyWeights", "PUNCTUATION::", "CONSTANT:true");
    assertThat(tokens("optimizer: Adam")).containsExactly("KEY:optimizer", "PUNCTUATION::");
  }

  @Test
  void commentsAndTheMusketHeaderAreRecognised() {
    assertThat(tokens("#%Musket Classification 1.0"))
        .containsExactly("HEADER:#%Musket Classification 1.0");
    assertThat(tokens("batch: 16 # per GPU"))
        .containsExactly("KEY:batch", "PUNCTUATION::", "NUMBER:16", "COMMENT:# per GPU");
  }

  @Test
  void listItemsGetADash() {
    assertThat(tokens("  - epochs: 3"))
        .containsExactly("PUNCTUATION:-", "KEY:epochs", "PUNCTUATION::", "NUMBER:3");
  }

  @Test
  void flowCollectionsAreSplitIntoTheirParts() {
    assertThat(tokens("shape: [224, 224, 3]"))
        .containsExactly(
            "KEY:shape",
            "PUNCTUATION::",
            "PUNCTUATION:[",
            "NUMBER:224",
            "PUNCTUATION:,",
            "NUMBER:224",
            "PUNCTUATION:,",
            "NUMBER:3",
            "PUNCTUATION:]");
    assertThat(tokens("dataset: {csv: 'a.csv'}"))
        .containsExactly(
            "KEY:dataset",
            "PUNCTUATION::",
            "PUNCTUATION:{",
            "KEY:csv",
            "PUNCTUATION::",
            "STRING:'a.csv'",
            "PUNCTUATION:}");
  }

  @Test
  void tagsAnchorsAndStringsAreRecognised() {
    assertThat(tokens("weights: !!null"))
        .containsExactly("KEY:weights", "PUNCTUATION::", "TAG:!!null");
    assertThat(tokens("name: \"x # y\""))
        .containsExactly("KEY:name", "PUNCTUATION::", "STRING:\"x # y\"");
    assertThat(tokens("base: &defaults")).contains("ANCHOR:&defaults");
  }

  @Test
  void blockScalarLinesAreText() {
    assertThat(tokens("notes: |\n  a: b\n  c\nlr: 1"))
        .containsExactly(
            "KEY:notes",
            "PUNCTUATION::",
            "PUNCTUATION:|",
            "STRING:a: b",
            "STRING:c",
            "KEY:lr",
            "PUNCTUATION::",
            "NUMBER:1");
  }

  @Test
  void aBlockScalarInAListItemEndsAtTheItemsNextKey() {
    assertThat(tokens("  - notes: >\n      text\n    lr: 1"))
        .containsExactly(
            "PUNCTUATION:-",
            "KEY:notes",
            "PUNCTUATION::",
            "PUNCTUATION:>",
            "STRING:text",
            "KEY:lr",
            "PUNCTUATION::",
            "NUMBER:1");
  }

  @Test
  void halfTypedInputNeverFails() {
    for (String broken : List.of("[", "a: [1, {b: ", "'open", "- - -", ":", "a: \"x", "  - ")) {
      assertThat(YamlTokenizer.tokenize(broken)).isNotNull();
    }
  }
}
