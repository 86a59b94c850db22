package dev.musket.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user sees it: output and exit codes. */
class MusketCliTest {

  @Test
  void helpListsTheCommands() {
    CliRun r = CliRun.of("--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("validate", "schema", "workbench");
  }

  @Test
  void validatePrintsFileLineColumnSeverityMessageAndExitsOneOnErrors(@TempDir Path dir)
      throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        "#%Musket Classification 1.0\narchitecture: ResNet18\nclasses: 2\nactivation: sigmoid\n"
            + "shape: [32, 32, 3]\nbatch: many\nstages:\n  - epochs: 1\n");
    CliRun r = CliRun.of("validate", bad.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .isEqualTo(
            bad + ":6:8: error: 'batch' must be an integer, at least 1, got a string 'many'\n");
    assertThat(r.err()).contains("1 error, 0 warnings in 1 file");
  }

  @Test
  void validateExitsZeroWhenThereAreOnlyWarnings(@TempDir Path dir) throws IOException {
    Path ok = dir.resolve("ok.yaml");
    Files.writeString(
        ok,
        "architecture: ResNet18\nclasses: 2\nactivation: sigmoid\nshape: [32, 32, 3]\n"
            + "metrics: [binary_accuracy]\ndataset: {getData: []}\nstages:\n  - epochs: 1\n");
    CliRun r = CliRun.of("validate", ok.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith(ok + ":6:11: warning: unknown dataset factory 'getData'");
  }

  @Test
  void validateReportsAMissingFile(@TempDir Path dir) {
    CliRun r = CliRun.of("validate", dir.resolve("nope.yaml").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEqualTo(dir.resolve("nope.yaml") + ":1:1: error: no such file\n");
  }

  @Test
  void schemaWritesJsonSchemaAtomically(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("musket.schema.json");
    CliRun r = CliRun.of("schema", "--out", out.toString());
    assertThat(r.exit()).isZero();
    assertThat(Files.readString(out))
        .contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
  }
}
