package dev.musket.app.editors;

import dev.musket.app.dialog.Dialogs;
import dev.musket.app.state.OpenConfig;
import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.TaskExecutor;
import dev.musket.engine.config.ExperimentLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The editor tabs in the centre of the window: opens files (configs in the YAML editor, anything
 * else as plain text), keeps the selected config as the workbench's active config, saves, and
 * closes tabs with the unsaved-changes prompt.
 */
public final class EditorArea {

  private static final String SOURCE = "editor";

  private final TabPane tabs = new TabPane();
  private final WorkbenchState state;
  private final TaskExecutor executor;
  private final Dialogs dialogs;
  private final ExperimentLoader loader = new ExperimentLoader();
  private final ReadOnlyObjectWrapper<EditorTab> active = new ReadOnlyObjectWrapper<>();
  private final BooleanBinding hasTab = Bindings.isNotNull(active);

  public EditorArea(WorkbenchState state, TaskExecutor executor, Dialogs dialogs) {
    this.state = state;
    this.executor = executor;
    this.dialogs = dialogs;
    tabs.getStyleClass().add("editor-tabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
    tabs.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, tab) -> {
              EditorTab editor = tab instanceof EditorTab e ? e : null;
              active.set(editor);
              state.activeConfigProperty().set(editor instanceof OpenConfig c ? c : null);
            });
    state.setFileOpener(this::open);
  }

  public TabPane view() {
    return tabs;
  }

  /** The selected editor tab, or null. */
  public ReadOnlyObjectProperty<EditorTab> activeProperty() {
    return active.getReadOnlyProperty();
  }

  public BooleanBinding hasTabProperty() {
    return hasTab;
  }

  /** Shows the file's tab, opening it the first time. */
  public EditorTab open(Path file) {
    Path normalized = file.toAbsolutePath().normalize();
    for (EditorTab tab : editorTabs()) {
      if (tab.file().equals(normalized)) {
        tabs.getSelectionModel().select(tab);
        return tab;
      }
    }
    String title = titleOf(normalized);
    EditorTab tab =
        isConfig(normalized)
            ? new ConfigEditorTab(normalized, title, loader, executor, this::reportError)
            : new TextFileTab(normalized, title, executor, this::reportError);
    tab.setOnCloseRequest(
        e -> {
          if (!mayClose(List.of(tab))) {
            e.consume();
          }
        });
    tab.setOnClosed(e -> tab.dispose());
    tabs.getTabs().add(tab);
    tabs.getSelectionModel().select(tab);
    return tab;
  }

  /** The experiment's name for its config ("group/exp"), else the file name. */
  private String titleOf(Path file) {
    Path project = state.project();
    if (project != null && file.getFileName().toString().equals("config.yaml")) {
      Path experiments = project.toAbsolutePath().normalize().resolve("experiments");
      if (file.startsWith(experiments) && !file.getParent().equals(experiments)) {
        return experiments.relativize(file.getParent()).toString().replace('\\', '/');
      }
    }
    return file.getFileName().toString();
  }

  private static boolean isConfig(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  public List<EditorTab> editorTabs() {
    return tabs.getTabs().stream()
        .filter(EditorTab.class::isInstance)
        .map(EditorTab.class::cast)
        .toList();
  }

  /** Saves the selected tab; a failure is shown, naming the file. */
  public void saveActive() {
    EditorTab tab = active.get();
    if (tab != null) {
      save(tab);
    }
  }

  private boolean save(EditorTab tab) {
    try {
      tab.save();
      return true;
    } catch (IOException e) {
      saveFailed(tab, e);
      return false;
    }
  }

  /** Closes the selected tab, asking about unsaved changes. */
  public void closeActive() {
    EditorTab tab = active.get();
    if (tab != null && mayClose(List.of(tab))) {
      remove(tab);
    }
  }

  /** Closes every tab unless the user cancels; returns whether all were closed. */
  public boolean closeAll() {
    List<EditorTab> all = editorTabs();
    if (!mayClose(all)) {
      return false;
    }
    all.forEach(this::remove);
    return true;
  }

  /**
   * Closes the tabs on files under {@code dir} (an experiment about to be renamed or deleted),
   * asking about unsaved changes first; returns false when the user cancels. A tab left open on a
   * moved file would save it back to the old place.
   */
  public boolean closeTabsUnder(Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    List<EditorTab> affected =
        editorTabs().stream().filter(t -> t.file().startsWith(root)).toList();
    if (!mayClose(affected)) {
      return false;
    }
    affected.forEach(this::remove);
    return true;
  }

  /** True when the tabs may close: nothing unsaved, or the user saved or discarded it. */
  public boolean mayClose(List<EditorTab> closing) {
    return UnsavedChanges.resolve(
        closing,
        d -> {
          EditorTab tab = (EditorTab) d;
          tabs.getSelectionModel().select(tab);
          return dialogs.askUnsaved(tab.title());
        },
        (d, e) -> saveFailed((EditorTab) d, e));
  }

  private void remove(Tab tab) {
    tabs.getTabs().remove(tab);
    if (tab instanceof EditorTab e) {
      e.dispose();
    }
  }

  private void saveFailed(EditorTab tab, IOException e) {
    String message =
        "Cannot save "
            + tab.file()
            + ": "
            + e.getMessage()
            + ". Your text is still in the editor; check that the folder exists and is writable,"
            + " then save again.";
    state.error(SOURCE, message);
    dialogs.error("Save failed", message);
  }

  private void reportError(String message) {
    state.error(SOURCE, message);
  }
}
