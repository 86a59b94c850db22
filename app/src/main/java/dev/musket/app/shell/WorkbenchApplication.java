package dev.musket.app.shell;

import dev.musket.app.explorer.ProjectExplorerView;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The JavaFX application: one main window on the project named on the command line, if any. */
public final class WorkbenchApplication extends Application {

  static final String TITLE = "Musket Workbench";

  @Override
  public void start(Stage stage) {
    List<String> args = getParameters().getRaw();
    Path project = args.isEmpty() ? null : Path.of(args.get(0)).toAbsolutePath().normalize();

    BorderPane root = new BorderPane();
    Label status = new Label(project == null ? "No project open" : project.toString());
    status.getStyleClass().add("status-bar");
    root.setBottom(status);
    if (project != null) {
      root.setLeft(new ProjectExplorerView(project));
    }
    stage.setTitle(titleFor(project));
    stage.setScene(new Scene(root, 1200, 800));
    stage.show();
  }

  /** "Musket Workbench — flowers" for a project folder named flowers. */
  public static String titleFor(Path project) {
    return project == null ? TITLE : TITLE + " \u2014 " + project.getFileName();
  }
}
