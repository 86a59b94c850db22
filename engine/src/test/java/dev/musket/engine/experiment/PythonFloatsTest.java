package dev.musket.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonFloatsTest {

  @ParameterizedTest(name = "repr({0}) = {1}")
  @CsvSource({
    "0.001, 0.001",
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "0.000027, 2.7e-05",
    "0.0000081, 8.1e-06",
    "1.0, 1.0",
    "100, 100.0",
    "-1.5, -1.5",
    "0, 0.0",
    "2.0547005574274335, 2.0547005574274335",
    "0.30000000000000004, 0.30000000000000004",
    "1234567890123456, 1234567890123456.0",
    "1e16, 1e+16",
    "1.5e300, 1.5e+300",
    "4.9e-324, 5e-324",
    "NaN, nan",
    "Infinity, inf",
    "-Infinity, -inf"
  })
  void printsLikePythonRepr(double value, String expected) {
    assertThat(PythonFloats.repr(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "yaml({0}) = {1}")
  @CsvSource({"0.00001, 1.0e-05", "0.5, 0.5", "1e16, 1.0e+16", "NaN, .nan", "Infinity, .inf"})
  void printsLikePyYaml(double value, String expected) {
    assertThat(PythonFloats.yaml(value)).isEqualTo(expected);
  }
}
