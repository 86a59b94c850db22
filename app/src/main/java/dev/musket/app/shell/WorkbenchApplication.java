package dev.musket.app.shell;

import dev.musket.app.task.FxTaskExecutor;
import dev.musket.engine.runtime.ComputeBackend;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: one {@link WorkbenchWindow}, on the project named on the command line if
 * any. With {@code --log-stderr=true} (the launcher passes it) the engine's warnings and errors are
 * copied from stderr into the console panel; tests leave the test runner's stderr alone.
 */
public final class WorkbenchApplication extends Application {

  static final String TITLE = "Musket Workbench";
  public static final String LOG_STDERR = "log-stderr";

  private FxTaskExecutor executor;

  @Override
  public void start(Stage stage) {
    List<String> args = getParameters().getUnnamed();
    executor = new FxTaskExecutor();
    WorkbenchWindow window =
        new WorkbenchWindow(
            stage, executor, WorkbenchSettings.loadDefault(), ComputeBackend::describe);
    Features.install(window);
    if ("true".equals(getParameters().getNamed().get(LOG_STDERR))) {
      EngineLogTee.install(window.state(), executor);
    }
    window.show();
    if (!args.isEmpty()) {
      window.openProject(Path.of(args.get(0)));
    }
  }

  @Override
  public void stop() {
    if (executor != null) {
      executor.close();
    }
  }

  /** "Musket Workbench — flowers" for a project folder named flowers. */
  public static String titleFor(Path project) {
    return project == null ? TITLE : TITLE + " \u2014 " + project.getFileName();
  }
}
