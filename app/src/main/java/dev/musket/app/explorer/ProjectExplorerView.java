package dev.musket.app.explorer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * The project explorer: every experiment of the project (any folder under {@code experiments/} that
 * holds a {@code config.yaml}, nested folders allowed, as in Musket), plus {@code common.yaml}.
 * Selecting an entry hands its file to {@code onOpen}.
 */
public final class ProjectExplorerView extends TreeView<ProjectExplorerView.Entry> {

  /** One node: its label and the file it opens ({@code null} for the project node). */
  public record Entry(String label, Path file) {
    @Override
    public String toString() {
      return label;
    }
  }

  public ProjectExplorerView(Path project, Consumer<Entry> onOpen) {
    TreeItem<Entry> root = new TreeItem<>(new Entry(String.valueOf(project.getFileName()), null));
    root.setExpanded(true);
    Path experiments = project.resolve("experiments");
    for (Path experiment : experimentsOf(project)) {
      root.getChildren()
          .add(
              new TreeItem<>(
                  new Entry(
                      experiments.relativize(experiment).toString(),
                      experiment.resolve("config.yaml"))));
    }
    Path common = project.resolve("common.yaml");
    if (Files.isRegularFile(common)) {
      root.getChildren().add(new TreeItem<>(new Entry("common.yaml", common)));
    }
    setRoot(root);
    getStyleClass().add("project-explorer");
    getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, item) -> {
              if (item != null && item.getValue().file() != null) {
                onOpen.accept(item.getValue());
              }
            });
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
