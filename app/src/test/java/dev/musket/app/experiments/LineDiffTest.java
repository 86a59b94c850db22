package dev.musket.app.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.app.experiments.LineDiff.Kind;
import dev.musket.app.experiments.LineDiff.Line;
import org.junit.jupiter.api.Test;

class LineDiffTest {

  @Test
  void alignsInsertedAndRemovedLinesAndPairsReplacedOnes() {
    String left = "a: 1\nb: 2\nc: 3\nd: 4\n";
    String right = "a: 1\nb: 20\nc: 3\nnew: x\nd: 4\n";

    assertThat(LineDiff.of(left, right))
        .containsExactly(
            new Line(1, "a: 1", 1, "a: 1", Kind.SAME),
            new Line(2, "b: 2", 2, "b: 20", Kind.CHANGED),
            new Line(3, "c: 3", 3, "c: 3", Kind.SAME),
            new Line(0, null, 4, "new: x", Kind.ADDED),
            new Line(4, "d: 4", 5, "d: 4", Kind.SAME));
  }

  @Test
  void removedLinesAtTheEndStandAlone() {
    assertThat(LineDiff.of("a\nb\nc", "a"))
        .extracting(Line::kind)
        .containsExactly(Kind.SAME, Kind.REMOVED, Kind.REMOVED);
  }

  @Test
  void identicalTextsHaveNoMarks() {
    assertThat(LineDiff.of("x: 1\r\ny: 2\n", "x: 1\ny: 2"))
        .extracting(Line::kind)
        .containsOnly(Kind.SAME)
        .hasSize(2);
  }
}
