package dev.musket.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user sees it: output and exit codes. */
class MusketCliTest {

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = MusketCli.run(args);
      return new Run(
          exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void helpListsTheCommands() {
    Run r = run("--help");
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
    Run r = run("validate", bad.toString());
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
    Run r = run("validate", ok.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith(ok + ":6:11: warning: unknown dataset factory 'getData'");
  }

  @Test
  void validateReportsAMissingFile(@TempDir Path dir) {
    Run r = run("validate", dir.resolve("nope.yaml").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEqualTo(dir.resolve("nope.yaml") + ":1:1: error: no such file\n");
  }

  @Test
  void schemaWritesJsonSchemaAtomically(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("musket.schema.json");
    Run r = run("schema", "--out", out.toString());
    assertThat(r.exit()).isZero();
    assertThat(Files.readString(out))
        .contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
  }
}
