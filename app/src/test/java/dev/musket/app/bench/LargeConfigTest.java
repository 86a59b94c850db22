package dev.musket.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.config.validate.Diagnostic;
import org.junit.jupiter.api.Test;

/** The benchmark measures the normal path: its config is a valid thousand-line config. */
class LargeConfigTest {

  @Test
  void theBenchmarkConfigIsAValidThousandLineConfig() {
    String config = LargeConfig.lines(1000);
    assertThat(config.lines().count()).isBetween(1000L, 1010L);
    assertThat(new ExperimentLoader().loadText(config, null).diagnostics())
        .filteredOn(Diagnostic::isError)
        .isEmpty();
  }
}
