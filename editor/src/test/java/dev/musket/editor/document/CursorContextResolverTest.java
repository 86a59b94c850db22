package dev.musket.editor.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.editor.document.CursorContext.Kind;
import org.junit.jupiter.api.Test;

class CursorContextResolverTest {

  /** Resolves at the position of the last '|' marker, which is removed from the text. */
  private static CursorContext at(String textWithCaret) {
    int caret = textWithCaret.lastIndexOf('|');
    String text = textWithCaret.substring(0, caret) + textWithCaret.substring(caret + 1);
    return CursorContextResolver.resolve(text, caret);
  }

  @Test
  void anEmptyDocumentIsARootKey() {
    CursorContext context = at("|");
    assertThat(context.kind()).isEqualTo(Kind.KEY);
    assertThat(context.path().isRoot()).isTrue();
    assertThat(context.prefix()).isEmpty();
  }

  @Test
  void aPartlyTypedRootKeyHasItsPrefix() {
    CursorContext context = at("architecture: resnet50\nopt|");
    assertThat(context.kind()).isEqualTo(Kind.KEY);
    assertThat(context.path()).isEqualTo(YamlPath.root());
    assertThat(context.prefix()).isEqualTo("opt");
    assertThat(context.prefixStart()).isEqualTo("architecture: resnet50\n".length());
  }

  @Test
  void aValueAfterTheColonBelongsToItsKey() {
    CursorContext context = at("optimizer: Ad|");
    assertThat(context.kind()).isEqualTo(Kind.VALUE);
    assertThat(context.path()).hasToString("optimizer");
    assertThat(context.prefix()).isEqualTo("Ad");
  }

  @Test
  void anIndentedLineUnderAMapKeyIsInThatMap() {
    CursorContext context = at("augmentation:\n  Fliplr: 0.5\n  Aff|");
    assertThat(context.kind()).isEqualTo(Kind.KEY);
    assertThat(context.path()).hasToString("augmentation");
  }

  @Test
  void nestedMapsGiveADottedPath() {
    CursorContext context = at("augmentation:\n  Affine:\n    rotate: 3\n    sc|");
    assertThat(context.path()).hasToString("augmentation.Affine");
  }

  @Test
  void aBlankIndentedLineRightAfterABlockKeyIsInsideIt() {
    CursorContext context = at("callbacks:\n  |");
    assertThat(context.kind()).isEqualTo(Kind.KEY);
    assertThat(context.path()).hasToString("callbacks");
  }

  @Test
  void aLineBackAtColumnZeroIsTheRootAgain() {
    CursorContext context = at("callbacks:\n  EarlyStopping:\n    patience: 3\n|");
    assertThat(context.path().isRoot()).isTrue();
  }

  @Test
  void theSecondKeyOfABlockListItemIsInThatItem() {
    CursorContext context = at("stages:\n  - epochs: 3\n    l|");
    assertThat(context.kind()).isEqualTo(Kind.KEY);
    assertThat(context.path()).hasToString("stages[0]");
  }

  @Test
  void aNewDashStartsTheNextItem() {
    CursorContext context = at("stages:\n  - epochs: 3\n    lr: 0.1\n  - ep|");
    assertThat(context.kind()).isEqualTo(Kind.LIST_ITEM);
    assertThat(context.path()).hasToString("stages[1]");
    assertThat(context.prefix()).isEqualTo("ep");
  }

  @Test
  void compactListsWithDashesAtTheKeysColumnWork() {
    CursorContext context = at("stages:\n- epochs: 3\n- epochs: 4\n  lo|");
    assertThat(context.path()).hasToString("stages[1]");
  }

  @Test
  void aValueInsideAListItemHasTheItemsKeyPath() {
    CursorContext context = at("stages:\n  - epochs: 3\n    loss: bin|");
    assertThat(context.kind()).isEqualTo(Kind.VALUE);
    assertThat(context.path()).hasToString("stages[0].loss");
  }

  @Test
  void mapsNestedInListItemsKeepTheIndex() {
    CursorContext context =
        at(
            "stages:\n  - epochs: 3\n  - epochs: 2\n    callbacks:\n      EarlyStopping:\n        pat|");
    assertThat(context.path()).hasToString("stages[1].callbacks.EarlyStopping");
  }

  @Test
  void aKeyAfterAListAtTheRootColumnLeavesTheList() {
    CursorContext context = at("metrics:\n  - binary_accuracy\nst|");
    assertThat(context.kind()).isEqualTo(Kind.KEY);
    assertThat(context.path().isRoot()).isTrue();
  }

  @Test
  void aScalarBlockListItemIsAListItemOfTheList() {
    CursorContext context = at("metrics:\n  - binary_accuracy\n  - mac|");
    assertThat(context.kind()).isEqualTo(Kind.LIST_ITEM);
    assertThat(context.path().parent()).hasToString("metrics");
  }

  @Test
  void aFlowListItemIsAValueOfTheListKey() {
    CursorContext context = at("metrics: [binary_accuracy, mac|");
    assertThat(context.kind()).isEqualTo(Kind.VALUE);
    assertThat(context.path()).hasToString("metrics");
    assertThat(context.prefix()).isEqualTo("mac");
    assertThat(context.flow()).isTrue();
  }

  @Test
  void aKeyInsideAFlowMapIsAKeyOfThatMap() {
    CursorContext context = at("dataset: {ima|");
    assertThat(context.kind()).isEqualTo(Kind.KEY);
    assertThat(context.path()).hasToString("dataset");
    assertThat(context.prefix()).isEqualTo("ima");
  }

  @Test
  void aValueInsideAFlowMapBelongsToTheFlowKey() {
    CursorContext context = at("dataset: {csv: {path: a.csv, multi_label: fa|");
    assertThat(context.kind()).isEqualTo(Kind.VALUE);
    assertThat(context.path()).hasToString("dataset.csv.multi_label");
  }

  @Test
  void afterAClosedFlowListThereIsNothingToComplete() {
    assertThat(at("shape: [224, 224, 3] |").kind()).isEqualTo(Kind.NONE);
  }

  @Test
  void commentsOfferNothing() {
    assertThat(at("# arch|").kind()).isEqualTo(Kind.NONE);
    assertThat(at("lr: 0.1 # sm|").kind()).isEqualTo(Kind.NONE);
  }

  @Test
  void commentLinesAndBlankLinesDoNotBreakNesting() {
    CursorContext context = at("callbacks:\n\n  # stop early\n  EarlyStopping:\n\n    pa|");
    assertThat(context.path()).hasToString("callbacks.EarlyStopping");
  }

  @Test
  void blockScalarTextIsNotReadAsKeys() {
    CursorContext inside = at("notes: |\n  text: not a key\n  mo|");
    assertThat(inside.kind()).isEqualTo(Kind.NONE);
    CursorContext after = at("notes: |\n  text: not a key\nar|");
    assertThat(after.kind()).isEqualTo(Kind.KEY);
    assertThat(after.path().isRoot()).isTrue();
  }

  @Test
  void aBlockScalarInsideAListItemEndsAtTheItemsNextKey() {
    CursorContext context = at("stages:\n  - notes: |\n      text\n    lo|");
    assertThat(context.kind()).isEqualTo(Kind.KEY);
    assertThat(context.path()).hasToString("stages[0]");
  }

  @Test
  void theMusketHeaderLineIsJustAComment() {
    CursorContext context = at("#%Musket Classification 1.0\nar|");
    assertThat(context.kind()).isEqualTo(Kind.KEY);
    assertThat(context.path().isRoot()).isTrue();
  }
}
