package dev.musket.app.data;

import dev.musket.app.state.OpenConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/** The shapes sample project, copied where a test may write, and a stand-in for an editor tab. */
final class Shapes {
  static final Path SAMPLE = Path.of("../sample-projects/shapes").toAbsolutePath().normalize();

  private Shapes() {}

  /** A copy of the shapes project under {@code dir}. */
  static Path copyTo(Path dir) {
    Path target = dir.resolve("shapes");
    try (Stream<Path> files = Files.walk(SAMPLE)) {
      for (Path source : files.toList()) {
        Path to = target.resolve(SAMPLE.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(to);
        } else {
          Files.copy(source, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  static Path config(Path project, String experiment) {
    return project.resolve("experiments").resolve(experiment).resolve("config.yaml");
  }

  /** An editor tab's view of a config: its file and its (possibly unsaved) text. */
  static final class Editor implements OpenConfig {
    private final Path file;
    final StringProperty text = new SimpleStringProperty();

    Editor(Path file) {
      this.file = file;
      try {
        text.set(Files.readString(file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public Path file() {
      return file;
    }

    @Override
    public ObservableValue<String> text() {
      return text;
    }

    @Override
    public void replace(int start, int end, String replacement) {
      String t = text.get();
      text.set(t.substring(0, start) + replacement + t.substring(end));
    }
  }
}
