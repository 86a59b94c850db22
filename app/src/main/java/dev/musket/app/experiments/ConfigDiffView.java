package dev.musket.app.experiments;

import dev.musket.app.experiments.LineDiff.Kind;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * Two experiments' configs side by side: a key table (every flattened key of the merged configs,
 * the differing ones marked; optionally only those) and the raw texts as aligned line pairs with
 * changed, removed and added lines marked. Read-only.
 */
final class ConfigDiffView extends BorderPane {

  static final String STYLE_CLASS = "config-diff";
  static final PseudoClass DIFFERS = PseudoClass.getPseudoClass("differs");

  private final Label title = new Label("Select two experiments to compare their configs");
  private final CheckBox onlyDiffering = new CheckBox("Only differences");
  private final TableView<ConfigComparison.KeyDiff> keys = new TableView<>();
  private final TableView<LineDiff.Line> lines = new TableView<>();
  private ConfigComparison shown;

  ConfigDiffView(ExperimentsViewModel vm) {
    getStyleClass().add(STYLE_CLASS);
    title.getStyleClass().add("config-diff-title");
    HBox header = new HBox(12, title, onlyDiffering);
    HBox.setHgrow(title, Priority.ALWAYS);
    title.setMaxWidth(Double.MAX_VALUE);
    header.getStyleClass().add("config-diff-header");
    setTop(header);

    buildKeyTable();
    buildLineTable();
    TabPane tabs = new TabPane(new Tab("Keys", keys), new Tab("Text", lines));
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    setCenter(tabs);

    onlyDiffering.selectedProperty().addListener((o, was, now) -> show(shown));
    vm.comparisonProperty().addListener((o, was, now) -> show(now));
    show(vm.comparisonProperty().get());
  }

  private void show(ConfigComparison c) {
    shown = c;
    if (c == null) {
      title.setText("Select two experiments to compare their configs");
      keys.getItems().clear();
      lines.getItems().clear();
      return;
    }
    int n = c.differingKeys().size();
    title.setText(
        c.left().name()
            + "  \u2194  "
            + c.right().name()
            + ":  "
            + n
            + (n == 1 ? " key differs" : " keys differ"));
    keys.getItems()
        .setAll(
            onlyDiffering.isSelected()
                ? c.keys().stream().filter(ConfigComparison.KeyDiff::differs).toList()
                : c.keys());
    lines.getItems().setAll(c.lines());
    lines.getColumns().get(1).setText(c.left().name());
    lines.getColumns().get(3).setText(c.right().name());
    keys.getColumns().get(1).setText(c.left().name());
    keys.getColumns().get(2).setText(c.right().name());
  }

  private void buildKeyTable() {
    keys.getStyleClass().add("config-diff-keys");
    keys.setPlaceholder(new Label(""));
    keys.getColumns()
        .setAll(
            List.of(
                column("key", ConfigComparison.KeyDiff::key),
                column("left", k -> absent(k.left())),
                column("right", k -> absent(k.right()))));
    keys.setRowFactory(
        t ->
            new TableRow<>() {
              @Override
              protected void updateItem(ConfigComparison.KeyDiff item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(DIFFERS, !empty && item != null && item.differs());
              }
            });
    keys.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
  }

  private void buildLineTable() {
    lines.getStyleClass().add("config-diff-lines");
    lines.setPlaceholder(new Label(""));
    lines
        .getColumns()
        .setAll(
            List.of(
                numberColumn(LineDiff.Line::leftNumber),
                column("left", l -> l.left() == null ? "" : l.left()),
                numberColumn(LineDiff.Line::rightNumber),
                column("right", l -> l.right() == null ? "" : l.right())));
    lines.setRowFactory(
        t ->
            new TableRow<>() {
              @Override
              protected void updateItem(LineDiff.Line item, boolean empty) {
                super.updateItem(item, empty);
                for (Kind k : Kind.values()) {
                  pseudoClassStateChanged(
                      pseudo(k), !empty && item != null && item.kind() == k && k != Kind.SAME);
                }
              }
            });
    lines.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
  }

  /** {@code :changed}, {@code :removed}, {@code :added}. */
  static PseudoClass pseudo(Kind kind) {
    return PseudoClass.getPseudoClass(kind.name().toLowerCase(Locale.ROOT));
  }

  private static String absent(String value) {
    return value == null ? "\u2014" : value;
  }

  private static <T> TableColumn<T, String> column(
      String title, java.util.function.Function<T, String> text) {
    TableColumn<T, String> c = new TableColumn<>(title);
    c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    c.setSortable(false);
    return c;
  }

  private static <T> TableColumn<T, String> numberColumn(
      java.util.function.ToIntFunction<T> number) {
    TableColumn<T, String> c =
        column("#", t -> number.applyAsInt(t) == 0 ? "" : Integer.toString(number.applyAsInt(t)));
    c.getStyleClass().add("line-number");
    c.setPrefWidth(44);
    c.setMaxWidth(60);
    return c;
  }
}
