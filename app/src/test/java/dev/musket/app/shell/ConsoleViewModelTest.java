package dev.musket.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.app.state.LogLine;
import dev.musket.app.state.WorkbenchState;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleViewModelTest {

  private final WorkbenchState state = new WorkbenchState();
  private final ConsoleViewModel model = new ConsoleViewModel(state);

  @Test
  void copiesTheSelectionOrEverythingWhenNothingIsSelected() {
    state.info("a", "first");
    state.error("b", "second");

    assertThat(model.textOf(List.of())).endsWith("INFO  a: first\n" + state.log().get(1));
    assertThat(model.textOf(List.of(state.log().get(1)))).endsWith("ERROR b: second");
  }

  @Test
  void clearEmptiesTheLog() {
    state.info("a", "first");
    model.clear();
    assertThat(model.lines()).isEmpty();
  }

  @Test
  void eachLevelHasItsStyleClass() {
    assertThat(ConsoleViewModel.styleClassOf(LogLine.Level.WARN)).isEqualTo("log-warn");
    assertThat(ConsoleViewModel.styleClassOf(LogLine.Level.ERROR)).isEqualTo("log-error");
  }
}
