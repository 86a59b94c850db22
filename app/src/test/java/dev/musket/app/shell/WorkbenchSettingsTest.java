package dev.musket.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.app.theme.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbenchSettingsTest {

  @Test
  void remembersRecentProjectsNewestFirstWithoutDuplicatesAndTheTheme(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("nested/workbench.properties");
    WorkbenchSettings settings = WorkbenchSettings.load(file);
    settings.addRecent(dir.resolve("a"));
    settings.addRecent(dir.resolve("b"));
    settings.addRecent(dir.resolve("a"));
    settings.setTheme(Theme.DARK);
    settings.save();

    WorkbenchSettings again = WorkbenchSettings.load(file);
    assertThat(again.recentProjects()).containsExactly(dir.resolve("a"), dir.resolve("b"));
    assertThat(again.theme()).isEqualTo(Theme.DARK);
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file); // no temporary file left beside it
    }
  }

  @Test
  void keepsAtMostTenRecentProjects(@TempDir Path dir) {
    WorkbenchSettings settings = WorkbenchSettings.load(dir.resolve("s.properties"));
    for (int i = 0; i < 15; i++) {
      settings.addRecent(dir.resolve("p" + i));
    }
    assertThat(settings.recentProjects()).hasSize(10).first().isEqualTo(dir.resolve("p14"));
  }

  @Test
  void aDamagedFileIsTreatedAsEmpty(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("s.properties");
    Files.writeString(file, "recent.0=\\u12");
    WorkbenchSettings settings = WorkbenchSettings.load(file);
    assertThat(settings.recentProjects()).isEmpty();
    assertThat(settings.theme()).isEqualTo(Theme.LIGHT);
  }

  @Test
  void theDefaultFileComesFromTheSystemPropertyWhenSet(@TempDir Path dir) {
    String old = System.getProperty(WorkbenchSettings.FILE_PROPERTY);
    System.setProperty(WorkbenchSettings.FILE_PROPERTY, dir.resolve("x.properties").toString());
    try {
      assertThat(WorkbenchSettings.loadDefault().file()).isEqualTo(dir.resolve("x.properties"));
    } finally {
      if (old == null) {
        System.clearProperty(WorkbenchSettings.FILE_PROPERTY);
      } else {
        System.setProperty(WorkbenchSettings.FILE_PROPERTY, old);
      }
    }
  }
}
