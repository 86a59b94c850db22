package dev.musket.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code musket workbench [PROJECT_DIR]}: the desktop app. */
@Command(
    name = "workbench",
    mixinStandardHelpOptions = true,
    description = "Open the desktop workbench, optionally on a project folder.")
final class WorkbenchCommand implements Callable<Integer> {

  @Parameters(arity = "0..1", paramLabel = "PROJECT_DIR", description = "The project to open.")
  Path project;

  @Override
  public Integer call() {
    if (project != null && !Files.isDirectory(project)) {
      System.err.println("musket workbench: " + project + ": no such project folder");
      return 2;
    }
    var launcher = ServiceLoader.load(DesktopLauncher.class).findFirst();
    if (launcher.isEmpty()) {
      System.err.println(
          "musket workbench: the desktop app is not on the classpath; start it with ./musket"
              + " from the repository root, which builds it.");
      return 2;
    }
    launcher.get().launch(project == null ? null : project.toAbsolutePath().normalize());
    return 0;
  }
}
