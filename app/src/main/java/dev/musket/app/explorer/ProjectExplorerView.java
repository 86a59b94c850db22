package dev.musket.app.explorer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * The project explorer: every experiment of the project (any folder under {@code experiments/} that
 * holds a {@code config.yaml}, nested folders allowed, as in Musket).
 */
public final class ProjectExplorerView extends TreeView<String> {

  public ProjectExplorerView(Path project) {
    TreeItem<String> root = new TreeItem<>(String.valueOf(project.getFileName()));
    root.setExpanded(true);
    for (Path experiment : experimentsOf(project)) {
      root.getChildren()
          .add(new TreeItem<>(project.resolve("experiments").relativize(experiment).toString()));
    }
    setRoot(root);
    getStyleClass().add("project-explorer");
  }

  /** Experiment folders, sorted by path. */
  static List<Path> experimentsOf(Path project) {
    Path experiments = project.resolve("experiments");
    if (!Files.isDirectory(experiments)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(experiments)) {
      return files
          .filter(p -> p.getFileName().toString().equals("config.yaml"))
          .map(Path::getParent)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
