package dev.musket.app.shell;

import dev.musket.app.editors.ConfigEditorTab;
import dev.musket.app.explorer.ProjectExplorerView;
import dev.musket.engine.config.ExperimentLoader;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The JavaFX application: one main window on the project named on the command line, if any, with
 * the project explorer on the left and config editors in tabs.
 */
public final class WorkbenchApplication extends Application {

  static final String TITLE = "Musket Workbench";

  private final ExperimentLoader loader = new ExperimentLoader();
  private final TabPane editors = new TabPane();

  @Override
  public void start(Stage stage) {
    List<String> args = getParameters().getRaw();
    Path project = args.isEmpty() ? null : Path.of(args.get(0)).toAbsolutePath().normalize();

    BorderPane root = new BorderPane();
    Label status = new Label(project == null ? "No project open" : project.toString());
    status.getStyleClass().add("status-bar");
    root.setBottom(status);
    editors.getStyleClass().add("editor-tabs");
    if (project != null) {
      SplitPane split = new SplitPane(new ProjectExplorerView(project, this::open), editors);
      split.setDividerPositions(0.22);
      root.setCenter(split);
    } else {
      root.setCenter(editors);
    }
    stage.setTitle(titleFor(project));
    stage.setScene(new Scene(root, 1280, 800));
    stage.show();
  }

  /** Shows the file's editor tab, opening it the first time. */
  private void open(ProjectExplorerView.Entry entry) {
    for (var tab : editors.getTabs()) {
      if (tab instanceof ConfigEditorTab t && t.file().equals(entry.file())) {
        editors.getSelectionModel().select(tab);
        return;
      }
    }
    ConfigEditorTab tab = new ConfigEditorTab(entry.file(), entry.label(), loader);
    editors.getTabs().add(tab);
    editors.getSelectionModel().select(tab);
  }

  /** "Musket Workbench — flowers" for a project folder named flowers. */
  public static String titleFor(Path project) {
    return project == null ? TITLE : TITLE + " \u2014 " + project.getFileName();
  }
}
