package dev.musket.app.lrfinder;

import dev.musket.app.state.OpenConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;

/** An editor stand-in: its text and the edits made to it. */
final class FakeOpenConfig implements OpenConfig {

  final Path file;
  final SimpleStringProperty text;
  final List<String> edits = new ArrayList<>();

  FakeOpenConfig(Path file, String text) {
    this.file = file;
    this.text = new SimpleStringProperty(text);
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
    edits.add(start + ".." + end + "=" + replacement);
  }
}
