package dev.musket.app;

import dev.musket.app.shell.WorkbenchApplication;
import dev.musket.engine.cli.DesktopLauncher;
import dev.musket.engine.runtime.NativeRuntime;
import java.nio.file.Path;
import javafx.application.Application;

/**
 * Starts the workbench. It deliberately does not extend {@link Application}: with JavaFX on the
 * classpath (ND4J's split packages keep us off the module path) the JDK's launcher refuses a main
 * class that extends Application.
 */
public final class Launcher implements DesktopLauncher {

  public static void main(String[] args) {
    NativeRuntime.initialize(); // before any ND4J class loads: selects the fast native path
    String[] withTee = java.util.Arrays.copyOf(args, args.length + 1);
    withTee[args.length] = "--" + WorkbenchApplication.LOG_STDERR + "=true";
    Application.launch(WorkbenchApplication.class, withTee);
  }

  @Override
  public void launch(Path project) {
    main(project == null ? new String[0] : new String[] {project.toString()});
  }
}
