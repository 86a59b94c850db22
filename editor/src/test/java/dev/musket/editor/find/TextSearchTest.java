package dev.musket.editor.find;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextSearchTest {

  private static final String TEXT = "lr: 1\nLR: 2\nclr: 3";

  @Test
  void findsAllMatchesIgnoringCaseUnlessAsked() {
    assertThat(new TextSearch("lr", false).findAll(TEXT)).containsExactly(0, 6, 13);
    assertThat(new TextSearch("lr", true).findAll(TEXT)).containsExactly(0, 13);
  }

  @Test
  void nextAndPreviousWrapAround() {
    TextSearch search = new TextSearch("lr", true);
    assertThat(search.next(TEXT, 1)).isEqualTo(13);
    assertThat(search.next(TEXT, 14)).isEqualTo(0);
    assertThat(search.previous(TEXT, 13)).isEqualTo(0);
    assertThat(search.previous(TEXT, 0)).isEqualTo(13);
    assertThat(new TextSearch("zz", true).next(TEXT, 0)).isEqualTo(-1);
  }

  @Test
  void replaceAllReplacesEveryMatch() {
    assertThat(new TextSearch("lr", false).replaceAll(TEXT, "rate"))
        .isEqualTo("rate: 1\nrate: 2\ncrate: 3");
  }

  @Test
  void lineTargetsParseLineAndOptionalColumn() {
    assertThat(LineTarget.parse(" 12 ")).contains(new LineTarget(12, 1));
    assertThat(LineTarget.parse("3:7")).contains(new LineTarget(3, 7));
    assertThat(LineTarget.parse("0")).isEmpty();
    assertThat(LineTarget.parse("abc")).isEmpty();
  }
}
