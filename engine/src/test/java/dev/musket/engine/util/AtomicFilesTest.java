package dev.musket.engine.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @Test
  void replacesTheFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("summary.yaml");
    AtomicFiles.writeString(file, "old\n");
    AtomicFiles.writeString(file, "new\n");
    assertThat(Files.readString(file)).isEqualTo("new\n");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void aNewFileIsWorldReadableNotPrivateLikeATemporaryFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("metrics.csv");
    AtomicFiles.writeString(file, "epoch\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void aReplacedFileKeepsItsPermissions(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, "batch: 8\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
    AtomicFiles.writeString(file, "batch: 16\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-rw----");
  }

  @Test
  void aFailedWriteLeavesTheOldFileIntact(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("weights");
    Files.createDirectories(file); // a folder where a file is expected: the rename must fail
    Files.writeString(file.resolve("keep"), "x");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> AtomicFiles.writeString(file, "new"))
        .isInstanceOf(IOException.class);
    assertThat(Files.readString(file.resolve("keep"))).isEqualTo("x");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }
}
