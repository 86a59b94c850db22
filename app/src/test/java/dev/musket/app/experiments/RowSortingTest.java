package dev.musket.app.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.app.state.ExperimentStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowSortingTest {

  private static ExperimentRow row(String name, String batch, Double metric) {
    return new ExperimentRow(
        name,
        Path.of(name),
        Path.of(name, "config.yaml"),
        "",
        true,
        ExperimentStatus.COMPLETED,
        null,
        1,
        batch == null ? Map.of() : Map.of("batch", batch),
        metric == null ? Map.of() : Map.of("val_loss", metric));
  }

  private static List<String> sorted(Column c, boolean ascending, ExperimentRow... rows) {
    List<ExperimentRow> list = new ArrayList<>(List.of(rows));
    list.sort(RowSorting.by(c, ascending));
    return list.stream().map(ExperimentRow::name).toList();
  }

  @Test
  void metricsSortAsNumbersNotAsText() {
    ExperimentRow[] rows = {row("a", null, 10.0), row("b", null, 9.5), row("c", null, 100.0)};
    assertThat(sorted(Column.metric("val_loss"), true, rows)).containsExactly("b", "a", "c");
    assertThat(sorted(Column.metric("val_loss"), false, rows)).containsExactly("c", "a", "b");
  }

  @Test
  void missingValuesGoLastInBothDirections() {
    ExperimentRow[] rows = {row("a", null, null), row("b", null, 0.5), row("c", null, Double.NaN)};
    assertThat(sorted(Column.metric("val_loss"), true, rows)).containsExactly("b", "a", "c");
    assertThat(sorted(Column.metric("val_loss"), false, rows)).containsExactly("b", "a", "c");
  }

  @Test
  void keyValuesSortAsNumbersWhenTheyAreAndNumbersComeBeforeWords() {
    ExperimentRow[] rows = {
      row("a", "16", null), row("b", "8", null), row("c", "auto", null), row("d", null, null)
    };
    assertThat(sorted(Column.key("batch"), true, rows)).containsExactly("b", "a", "c", "d");
  }
}
