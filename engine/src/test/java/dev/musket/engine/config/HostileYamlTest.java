package dev.musket.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.config.validate.Diagnostic;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input fails fast (well under a second) with a clear diagnostic, never by exhaustion. */
class HostileYamlTest {

  private static List<Diagnostic> timedValidate(String text) {
    long start = System.nanoTime();
    List<Diagnostic> ds = TestConfigs.validate(text);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    return ds;
  }

  @Test
  @Timeout(5)
  void aBillionLaughsIsRefusedAsAnAliasBomb() {
    StringBuilder y = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 10; i++) {
      y.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      y.append("]\n");
    }
    List<Diagnostic> ds = timedValidate(y.toString());
    assertThat(ds)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.isError()).isTrue();
              assertThat(d.message()).contains("alias");
            });
  }

  @Test
  @Timeout(5)
  void aSmallerAliasFanOutStillCannotExpandBeyondTheNodeBudget() {
    // 40 aliases, each doubling the tree: under the alias limit, over the expanded-node budget.
    StringBuilder y = new StringBuilder("a0: &a0 [x, x]\n");
    for (int i = 1; i < 40; i++) {
      y.append("a")
          .append(i)
          .append(": &a")
          .append(i)
          .append(" [*a")
          .append(i - 1)
          .append(", *a")
          .append(i - 1)
          .append("]\n");
    }
    List<Diagnostic> ds = timedValidate(y.toString());
    assertThat(ds).anySatisfy(d -> assertThat(d.message()).contains("alias bomb"));
  }

  @Test
  @Timeout(5)
  void tenThousandDeepNestingIsRefused() {
    String deep = "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    List<Diagnostic> ds = timedValidate(deep);
    assertThat(ds)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.isError()).isTrue();
              assertThat(d.message()).contains("nests deeper than 64 levels");
            });
    String deepBlock =
        new StringBuilder().append("a:\n").toString()
            + "  ".repeat(1).concat("- ".repeat(5_000)).concat("x\n");
    assertThat(timedValidate(deepBlock)).anySatisfy(d -> assertThat(d.isError()).isTrue());
  }

  @Test
  @Timeout(5)
  void aHundredMegabyteFileIsRefusedWithoutReadingIt(@TempDir Path dir) throws IOException {
    Path huge = dir.resolve("config.yaml");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(100L * 1024 * 1024);
    }
    long start = System.nanoTime();
    List<Diagnostic> ds = new ExperimentLoader().load(huge).diagnostics();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(ds)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(1);
              assertThat(d.message())
                  .startsWith("the file is 104857600 bytes; configs larger than");
            });
  }

  @Test
  void pythonObjectTagsAreRejectedNeverConstructed() {
    List<Diagnostic> ds =
        TestConfigs.validate(
            TestConfigs.VALID + "weights: !!python/object/apply:os.system ['rm -rf /']\n");
    assertThat(ds)
        .anySatisfy(
            d -> {
              assertThat(d.line()).isEqualTo(12);
              assertThat(d.message())
                  .isEqualTo(
                      "the tag '!!python/object/apply:os.system' is not allowed; only standard YAML tags"
                          + " (!!str, !!int, !!float, !!bool, !!null, !!seq, !!map) may be used");
            });
  }

  @Test
  void javaGlobalTagsAreRejected() {
    List<Diagnostic> ds =
        TestConfigs.validate(
            TestConfigs.VALID + "dropout: !<tag:yaml.org,2002:java.io.File> /etc\n");
    assertThat(ds).anySatisfy(d -> assertThat(d.message()).contains("is not allowed"));
  }

  @Test
  void standardTagsAreAccepted() {
    List<Diagnostic> ds = TestConfigs.validate(TestConfigs.VALID + "weights: !!null\n");
    assertThat(ds).filteredOn(Diagnostic::isError).isEmpty();
  }

  @Test
  void aRecursiveAliasDoesNotLoopForever() {
    List<Diagnostic> ds = timedValidate("a: &x [1, *x]\n");
    assertThat(ds).anySatisfy(d -> assertThat(d.isError()).isTrue());
  }

  @Test
  void binaryGarbageGivesADiagnosticNotAnException(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("config.yaml");
    Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0xc3, 0x28});
    assertThat(new ExperimentLoader().load(file).diagnostics())
        .singleElement()
        .satisfies(
            d -> assertThat(d.message()).isEqualTo("the file is not UTF-8 text; save it as UTF-8"));
  }
}
