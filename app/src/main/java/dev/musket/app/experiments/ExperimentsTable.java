package dev.musket.app.experiments;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

/**
 * The table itself: one {@link TableColumn} per {@link Column} of the view-model, rebuilt when
 * those change. Clicking a header asks the view-model to sort (numbers as numbers, missing values
 * last) instead of letting the table compare strings; the selection goes to the view-model and is
 * put back after a reload replaced the rows.
 */
final class ExperimentsTable extends TableView<ExperimentRow> {

  static final String STYLE_CLASS = "experiments-table";

  private final ExperimentsViewModel vm;

  ExperimentsTable(ExperimentsViewModel vm) {
    this.vm = vm;
    getStyleClass().add(STYLE_CLASS);
    setItems(vm.rows());
    getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    setTableMenuButtonVisible(true);
    setPlaceholder(new javafx.scene.control.Label("No experiments"));
    setSortPolicy(
        table -> {
          sortRequested();
          return true;
        });
    vm.columns().addListener((ListChangeListener<Column>) c -> rebuildColumns());
    getSelectionModel()
        .getSelectedItems()
        .addListener(
            (ListChangeListener<ExperimentRow>)
                c -> vm.select(List.copyOf(getSelectionModel().getSelectedItems())));
    vm.rows().addListener((ListChangeListener<ExperimentRow>) c -> restoreSelection());
    // the explorer can select an experiment too
    vm.selected().addListener((ListChangeListener<ExperimentRow>) c -> restoreSelection());
    setOnMouseClicked(
        e -> {
          if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            vm.openInEditor();
          }
        });
    setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            vm.openInEditor();
            e.consume();
          }
        });
    rebuildColumns();
  }

  private void sortRequested() {
    if (getSortOrder().isEmpty()) {
      vm.sortBy(null, true);
      return;
    }
    TableColumn<ExperimentRow, ?> first = getSortOrder().get(0);
    vm.sortBy((Column) first.getUserData(), first.getSortType() == TableColumn.SortType.ASCENDING);
  }

  private void rebuildColumns() {
    getColumns().setAll(vm.columns().stream().map(this::tableColumn).toList());
    Column sorted = vm.sortColumnProperty().get();
    if (sorted != null) {
      getColumns().stream()
          .filter(tc -> sorted.equals(tc.getUserData()))
          .findFirst()
          .ifPresent(
              tc -> {
                tc.setSortType(
                    vm.sortAscendingProperty().get()
                        ? TableColumn.SortType.ASCENDING
                        : TableColumn.SortType.DESCENDING);
                getSortOrder().setAll(List.of(tc));
              });
    }
  }

  private TableColumn<ExperimentRow, String> tableColumn(Column column) {
    TableColumn<ExperimentRow, String> tc = new TableColumn<>(column.title());
    tc.setUserData(column);
    tc.setCellValueFactory(cell -> new ReadOnlyStringWrapper(column.text(cell.getValue())));
    tc.getStyleClass().add("column-" + column.kind().name().toLowerCase(java.util.Locale.ROOT));
    if (column.numeric()) {
      tc.getStyleClass().add("numeric");
    }
    if (column.kind() == Column.Kind.STATUS) {
      tc.setCellFactory(c -> new StatusCell());
    }
    if (column.kind() == Column.Kind.NAME) {
      tc.setPrefWidth(180);
    }
    return tc;
  }

  /**
   * Makes the table's selection the view-model's: after the rows were replaced, or when the
   * view-model selected a row itself. A no-op when they agree, so the two never ping-pong.
   */
  private void restoreSelection() {
    Set<java.nio.file.Path> wanted =
        vm.selected().stream().map(ExperimentRow::dir).collect(Collectors.toSet());
    List<ExperimentRow> current = getSelectionModel().getSelectedItems();
    if (current.stream().map(ExperimentRow::dir).collect(Collectors.toSet()).equals(wanted)) {
      return;
    }
    getSelectionModel().clearSelection();
    for (int i = 0; i < getItems().size(); i++) {
      if (wanted.contains(getItems().get(i).dir())) {
        getSelectionModel().select(i);
        scrollTo(i);
      }
    }
  }

  /** Shows the status with a style class per value, so the theme colours it. */
  private static final class StatusCell extends TableCell<ExperimentRow, String> {
    @Override
    protected void updateItem(String item, boolean empty) {
      super.updateItem(item, empty);
      getStyleClass().removeIf(s -> s.startsWith("status-"));
      if (empty || item == null) {
        setText(null);
        return;
      }
      setText(item);
      getStyleClass().add("status-" + item);
    }
  }
}
