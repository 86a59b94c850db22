package dev.musket.app.shell;

import dev.musket.app.theme.Theme;
import dev.musket.engine.util.AtomicFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the workbench remembers between runs: recent projects (newest first) and the theme, in a
 * properties file written atomically. {@code ~/.musket/workbench.properties} unless the system
 * property {@value #FILE_PROPERTY} names another file (tests point it into a temporary folder).
 *
 * <p>Plain file I/O, small and fast; a damaged file is logged and treated as empty rather than
 * keeping the workbench from starting.
 */
public final class WorkbenchSettings {

  public static final String FILE_PROPERTY = "musket.workbench.settings";
  static final int MAX_RECENT = 10;

  private static final Logger LOG = LoggerFactory.getLogger(WorkbenchSettings.class);

  private final Path file;
  private final List<Path> recent = new ArrayList<>();
  private Theme theme = Theme.LIGHT;

  private WorkbenchSettings(Path file) {
    this.file = file;
  }

  /** The settings in the default file (or the one {@value #FILE_PROPERTY} names). */
  public static WorkbenchSettings loadDefault() {
    String override = System.getProperty(FILE_PROPERTY);
    Path file =
        override != null && !override.isBlank()
            ? Path.of(override)
            : Path.of(System.getProperty("user.home"), ".musket", "workbench.properties");
    return load(file);
  }

  public static WorkbenchSettings load(Path file) {
    WorkbenchSettings settings = new WorkbenchSettings(file);
    if (!Files.isRegularFile(file)) {
      return settings;
    }
    Properties p = new Properties();
    try {
      p.load(new StringReader(Files.readString(file)));
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("Ignoring the unreadable workbench settings {}: {}", file, e.getMessage());
      return settings;
    }
    settings.theme = Theme.parse(p.getProperty("theme"));
    for (int i = 0; i < MAX_RECENT; i++) {
      String value = p.getProperty("recent." + i);
      if (value != null && !value.isBlank()) {
        settings.recent.add(Path.of(value));
      }
    }
    return settings;
  }

  public Path file() {
    return file;
  }

  /** Recent projects, most recent first. */
  public List<Path> recentProjects() {
    return List.copyOf(recent);
  }

  /** Moves {@code project} to the front of the recent list (at most {@value #MAX_RECENT}). */
  public void addRecent(Path project) {
    Path normalized = project.toAbsolutePath().normalize();
    recent.remove(normalized);
    recent.add(0, normalized);
    while (recent.size() > MAX_RECENT) {
      recent.remove(recent.size() - 1);
    }
  }

  /** Forgets a project (e.g. one that no longer exists). */
  public void removeRecent(Path project) {
    recent.remove(project.toAbsolutePath().normalize());
  }

  public Theme theme() {
    return theme;
  }

  public void setTheme(Theme value) {
    this.theme = value;
  }

  /** Writes the file atomically, creating its folder. */
  public void save() throws IOException {
    Properties p = new Properties();
    p.setProperty("theme", theme.styleClass());
    for (int i = 0; i < recent.size(); i++) {
      p.setProperty("recent." + i, recent.get(i).toString());
    }
    StringWriter out = new StringWriter();
    p.store(out, "Musket Workbench settings");
    AtomicFiles.writeString(file, out.toString());
  }
}
