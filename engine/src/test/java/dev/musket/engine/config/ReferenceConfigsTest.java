package dev.musket.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.config.validate.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real Musket config in shared/reference loads; classification ones validate cleanly. */
class ReferenceConfigsTest {

  static Stream<Path> referenceConfigs() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(TestConfigs.referenceConfigs())) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(40);
    return files.stream();
  }

  /** Classification by header, or the headerless early classification configs (proteins). */
  private static boolean isClassification(Path file) throws IOException {
    String text = Files.readString(file);
    return text.startsWith("#%Musket Classification") || file.toString().contains("proteins");
  }

  @ParameterizedTest
  @MethodSource("referenceConfigs")
  void classificationConfigsHaveNoErrorsAndOthersOneDialectDiagnostic(Path file)
      throws IOException {
    ExperimentLoader.Loaded loaded = new ExperimentLoader().load(file);

    if (isClassification(file)) {
      assertThat(loaded.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
      assertThat(loaded.config()).isPresent();
      assertThat(loaded.config().get().model().architecture()).isNotBlank();
    } else {
      assertThat(loaded.diagnostics()).hasSize(1);
      Diagnostic d = loaded.diagnostics().get(0);
      assertThat(d.isError()).isTrue();
      assertThat(d.message()).contains("supports only the Classification dialect");
      assertThat(d.line()).isGreaterThanOrEqualTo(1);
    }
  }
}
