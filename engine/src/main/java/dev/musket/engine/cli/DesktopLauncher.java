package dev.musket.engine.cli;

import java.nio.file.Path;

/**
 * Starts the desktop workbench. The engine must not depend on the app (the app depends on the
 * engine), so the app provides this through {@link java.util.ServiceLoader} and {@code musket
 * workbench} finds it when the app is on the classpath.
 */
public interface DesktopLauncher {

  /**
   * Opens the workbench and blocks until its window is closed.
   *
   * @param project the project folder to open, or {@code null} to start without one
   */
  void launch(Path project);
}
