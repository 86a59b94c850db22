package dev.musket.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.config.validate.Diagnostic;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each broken config gives exactly the expected diagnostics: line, column, severity, message. */
class BrokenConfigsTest {

  static List<BrokenConfigCase> cases() throws IOException {
    return BrokenConfigCase.load("broken-cases.txt");
  }

  @Test
  void theTableHasAtLeastFortyCasesEachWithExpectations() throws IOException {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(cases()).allSatisfy(c -> assertThat(c.expected()).as(c.name()).isNotEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactlyTheExpectedDiagnostics(BrokenConfigCase c) {
    List<String> actual =
        TestConfigs.validate(c.text()).stream()
            .map(d -> d.position() + ": " + d.severity().label() + ": " + d.message())
            .toList();
    assertThat(actual).as(c.name() + "\n" + c.text()).containsExactlyElementsOf(c.expected());
  }

  @Test
  void theBaseConfigIsValid() {
    assertThat(TestConfigs.validate(TestConfigs.VALID)).filteredOn(Diagnostic::isError).isEmpty();
  }
}
