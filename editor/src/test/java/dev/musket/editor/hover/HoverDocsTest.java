package dev.musket.editor.hover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.editor.diagnostics.Problem;
import dev.musket.editor.diagnostics.ProblemLevel;
import dev.musket.editor.diagnostics.ProblemRange;
import dev.musket.editor.document.LineIndex;
import dev.musket.editor.schema.TinySchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoverDocsTest {

  private static final String TEXT =
      "optimizer: SGD\nstages:\n  - epochs: 3\nmetrics: [binary_accuracy]\nepohcs: 1\n";
  private final HoverDocs hover = new HoverDocs(TinySchema.create());

  @Test
  void aKeyShowsItsDoc() {
    HoverContent content = hover.at(TEXT, TEXT.indexOf("optimizer") + 2, List.of());
    assertThat(content.title()).isEqualTo("optimizer");
    assertThat(content.doc()).isEqualTo("Optimizer used to train the network.");
  }

  @Test
  void aValueShowsTheDocOfThatValue() {
    HoverContent content = hover.at(TEXT, TEXT.indexOf("SGD") + 1, List.of());
    assertThat(content.doc()).isEqualTo("Stochastic gradient descent.");
  }

  @Test
  void aKeyInsideAListItemIsLookedUpInThatItem() {
    HoverContent content = hover.at(TEXT, TEXT.indexOf("epochs"), List.of());
    assertThat(content.doc()).isEqualTo("Number of epochs of this stage.");
  }

  @Test
  void aFlowListItemShowsItsValueDoc() {
    HoverContent content = hover.at(TEXT, TEXT.indexOf("binary_accuracy") + 3, List.of());
    assertThat(content.doc()).isEqualTo("Share of correct 0/1 predictions.");
  }

  @Test
  void problemsUnderTheMouseComeFirst() {
    Problem problem = new Problem(5, 1, ProblemLevel.ERROR, "Unknown key 'epohcs'");
    ProblemRange range = ProblemRange.locate(problem, TEXT, LineIndex.of(TEXT));
    HoverContent content = hover.at(TEXT, TEXT.indexOf("epohcs") + 2, List.of(range));
    assertThat(content.problems()).containsExactly("Unknown key 'epohcs'");
    assertThat(content.doc()).isEmpty();
    assertThat(content.asText()).isEqualTo("Unknown key 'epohcs'");
  }

  @Test
  void whitespaceShowsNothing() {
    assertThat(hover.at(TEXT, TEXT.indexOf("- ") + 1, List.of()).isEmpty()).isTrue();
  }
}
