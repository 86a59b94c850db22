package dev.musket.editor.completion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.editor.schema.TinySchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionEngineTest {

  private final CompletionEngine engine = new CompletionEngine(TinySchema.create());

  private CompletionResult at(String textWithCaret) {
    int caret = textWithCaret.lastIndexOf('|');
    String text = textWithCaret.substring(0, caret) + textWithCaret.substring(caret + 1);
    return engine.complete(text, caret);
  }

  private static List<String> labels(CompletionResult result) {
    return result.items().stream().map(CompletionItem::label).toList();
  }

  @Test
  void rootKeysNotYetPresentAreOffered() {
    CompletionResult result = at("architecture: resnet50\nlr: 0.1\n|");
    assertThat(labels(result)).doesNotContain("architecture", "lr").contains("optimizer", "stages");
  }

  @Test
  void theKeyOnTheCursorLineIsStillOffered() {
    assertThat(labels(at("arch|itecture: resnet50"))).containsExactly("architecture");
  }

  @Test
  void stageKeysNotYetPresentInThatStageAreOffered() {
    CompletionResult result = at("stages:\n  - epochs: 3\n    |");
    assertThat(labels(result)).containsExactly("lr", "loss");
  }

  @Test
  void enumValuesAreOfferedForAValue() {
    CompletionResult result = at("callbacks:\n  EarlyStopping:\n    mode: m|");
    assertThat(labels(result)).containsExactly("min", "max");
    assertThat(result.items().get(0).doc()).isEqualTo("Lower is better.");
  }

  @Test
  void namesAreOfferedForAFlowListItem() {
    assertThat(labels(at("metrics: [binary_accuracy, mac|"))).containsExactly("macro_f1");
  }

  @Test
  void namesAreOfferedForABlockListItem() {
    assertThat(labels(at("metrics:\n  - bin|"))).containsExactly("binary_accuracy");
  }

  @Test
  void augmenterNamesAndTheirParametersAreOffered() {
    assertThat(labels(at("augmentation:\n  |"))).containsExactly("Fliplr", "Affine");
    assertThat(labels(at("augmentation:\n  Affine:\n    rotate: 3\n    |")))
        .containsExactly("scale");
  }

  @Test
  void exactCasePrefixesRankBeforeOtherMatches() {
    CompletionResult result = at("l|");
    assertThat(labels(result)).first().isEqualTo("lr");
    assertThat(labels(result)).contains("callbacks");
  }

  @Test
  void subsequencesStillMatch() {
    assertThat(labels(at("architecture: rn50|"))).containsExactly("resnet50");
  }

  @Test
  void aMapKeyInsertsAnIndentedNewLineAndAListKeyADash() {
    CompletionResult callbacks = at("call|");
    assertThat(callbacks.items().get(0).insertText()).isEqualTo("callbacks:\n  ");
    CompletionResult stages = at("sta|");
    assertThat(stages.items().get(0).insertText()).isEqualTo("stages:\n  - ");
    CompletionResult lr = at("lr|");
    assertThat(lr.items().get(0).insertText()).isEqualTo("lr: ");
  }

  @Test
  void thePrefixStartTellsWhatTheItemReplaces() {
    CompletionResult result = at("optimizer: Ad|");
    assertThat(result.context().prefixStart()).isEqualTo("optimizer: ".length());
    assertThat(labels(result)).containsExactly("Adam");
  }

  @Test
  void commentsOfferNothing() {
    assertThat(at("# arch|").items()).isEmpty();
  }
}
