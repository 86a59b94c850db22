package dev.musket.app.explorer;

import dev.musket.app.action.Action;
import dev.musket.app.action.ActionControls;
import dev.musket.app.state.WorkbenchState;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;

/**
 * The project explorer: the project's experiments with their status (and score when completed),
 * {@code common.yaml}, the {@code modules/} files and the {@code data/} folder. A click (or Enter)
 * opens a file in an editor tab; selecting an experiment makes it the workbench's selected
 * experiment; the context menu has the experiment commands.
 */
public final class ProjectExplorerView extends StackPane {

  /** One node of the tree. */
  public record Node(Kind kind, String label, Path file, ExperimentInfo experiment) {
    @Override
    public String toString() {
      return label;
    }
  }

  /** What a node stands for. */
  public enum Kind {
    PROJECT,
    EXPERIMENT,
    FILE,
    FOLDER
  }

  private final TreeView<Node> tree = new TreeView<>();
  private final ProjectExplorerViewModel model;
  private final WorkbenchState state;
  private final Label error = new Label();

  public ProjectExplorerView(
      ProjectExplorerViewModel model, WorkbenchState state, List<Action> contextActions) {
    this.model = model;
    this.state = state;
    tree.getStyleClass().add("project-explorer");
    tree.setCellFactory(v -> new ExplorerCell());
    tree.setContextMenu(ActionControls.contextMenu(contextActions));
    error.getStyleClass().add("explorer-error");
    error.visibleProperty().bind(model.errorProperty().isNotEmpty());
    error.textProperty().bind(model.errorProperty());
    Label empty = new Label("No project open.\nFile \u25b8 Open Project\u2026 (Ctrl+O)");
    empty.getStyleClass().add("explorer-empty");
    empty.visibleProperty().bind(state.projectProperty().isNull());
    getChildren().addAll(tree, error, empty);
    model.snapshotProperty().addListener((obs, old, now) -> rebuild(now));
    state
        .runningExperiments()
        .addListener((javafx.collections.SetChangeListener<Path>) c -> tree.refresh());
    tree.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, item) -> model.select(item == null ? null : item.getValue().experiment()));
    // another feature (the experiments table) may select an experiment: follow it
    state.selectedExperimentProperty().addListener((obs, old, dir) -> followSelection(dir));
    tree.setOnMouseClicked(
        e -> {
          if (e.getButton() == MouseButton.PRIMARY) {
            openSelected();
          }
        });
    tree.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            openSelected();
          }
        });
    rebuild(model.snapshotProperty().get());
  }

  public TreeView<Node> tree() {
    return tree;
  }

  private void openSelected() {
    TreeItem<Node> item = tree.getSelectionModel().getSelectedItem();
    if (item != null && item.getValue().kind() != Kind.FOLDER && item.getValue().file() != null) {
      state.open(item.getValue().file());
    }
  }

  /** Rebuilds the tree from a new snapshot, keeping the selection and the open folders. */
  private void rebuild(ProjectSnapshot snapshot) {
    if (snapshot == null) {
      tree.setRoot(null);
      return;
    }
    TreeItem<Node> selected = tree.getSelectionModel().getSelectedItem();
    Path selectedFile = selected == null ? null : selected.getValue().file();
    boolean modulesOpen = isExpanded("modules");
    TreeItem<Node> root =
        new TreeItem<>(
            new Node(Kind.PROJECT, String.valueOf(snapshot.project().getFileName()), null, null));
    root.setExpanded(true);
    for (ExperimentInfo e : snapshot.experiments()) {
      root.getChildren()
          .add(new TreeItem<>(new Node(Kind.EXPERIMENT, e.name(), e.configFile(), e)));
    }
    if (snapshot.commonYaml() != null) {
      root.getChildren()
          .add(new TreeItem<>(new Node(Kind.FILE, "common.yaml", snapshot.commonYaml(), null)));
    }
    if (snapshot.modulesDir() != null) {
      TreeItem<Node> modules =
          new TreeItem<>(new Node(Kind.FOLDER, "modules", snapshot.modulesDir(), null));
      for (Path file : snapshot.modules()) {
        String label = snapshot.modulesDir().relativize(file).toString();
        modules.getChildren().add(new TreeItem<>(new Node(Kind.FILE, label, file, null)));
      }
      modules.setExpanded(modulesOpen);
      root.getChildren().add(modules);
    }
    if (snapshot.dataDir() != null) {
      root.getChildren()
          .add(new TreeItem<>(new Node(Kind.FOLDER, "data", snapshot.dataDir(), null)));
    }
    tree.setRoot(root);
    if (selectedFile != null) {
      find(root, selectedFile).ifPresent(item -> tree.getSelectionModel().select(item));
    }
  }

  private void followSelection(Path dir) {
    TreeItem<Node> current = tree.getSelectionModel().getSelectedItem();
    ExperimentInfo shown = current == null ? null : current.getValue().experiment();
    if (dir == null || tree.getRoot() == null || (shown != null && shown.dir().equals(dir))) {
      return;
    }
    find(tree.getRoot(), dir.resolve("config.yaml"))
        .ifPresent(item -> tree.getSelectionModel().select(item));
  }

  private boolean isExpanded(String label) {
    return tree.getRoot() != null
        && tree.getRoot().getChildren().stream()
            .anyMatch(i -> i.getValue().label().equals(label) && i.isExpanded());
  }

  private static java.util.Optional<TreeItem<Node>> find(TreeItem<Node> item, Path file) {
    if (file.equals(item.getValue().file())) {
      return java.util.Optional.of(item);
    }
    for (TreeItem<Node> child : item.getChildren()) {
      var found = find(child, file);
      if (found.isPresent()) {
        return found;
      }
    }
    return java.util.Optional.empty();
  }

  /** A node's label, and for an experiment its status as a small coloured label beside it. */
  private final class ExplorerCell extends TreeCell<Node> {
    private final Label status = new Label();

    ExplorerCell() {
      status.getStyleClass().add("experiment-status");
    }

    @Override
    protected void updateItem(Node node, boolean empty) {
      super.updateItem(node, empty);
      getStyleClass().removeIf(c -> c.startsWith("explorer-kind-"));
      if (empty || node == null) {
        setText(null);
        setGraphic(null);
        setTooltip(null);
        return;
      }
      setText(node.label());
      getStyleClass().add("explorer-kind-" + node.kind().name().toLowerCase(java.util.Locale.ROOT));
      if (node.experiment() == null) {
        setGraphic(null);
        setTooltip(node.file() == null ? null : new Tooltip(node.file().toString()));
        return;
      }
      ExperimentInfo shown = model.shown(node.experiment());
      status.setText(shown.statusText());
      status.getStyleClass().removeIf(c -> c.startsWith("status-"));
      status.getStyleClass().add(shown.status().styleClass());
      setGraphic(status);
      setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
      setTooltip(new Tooltip(shown.name() + ": " + shown.statusText() + "\n" + shown.detail()));
    }
  }
}
