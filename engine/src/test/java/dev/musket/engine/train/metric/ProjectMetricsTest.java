package dev.musket.engine.train.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.musket.engine.project.ProjectModules;
import dev.musket.engine.testing.TinyProjects;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Metrics from project code ({@code @Metric} in {@code modules/}, compiled for real) come from the
 * same registry as the built-ins: over every row since the last reset, per head, with Musket's
 * thresholding in summaries unless the metric opts out.
 */
class ProjectMetricsTest {

  @TempDir static Path project;
  private static MetricRegistry registry;
  private static final MetricContext HEAD = new MetricContext(2, "sigmoid", null);

  private static final double[][] P1 = {{0.9, 0.2}, {0.4, 0.7}};
  private static final double[][] Y1 = {{1, 0}, {1, 1}};
  private static final double[][] P2 = {{0.1, 0.6}};
  private static final double[][] Y2 = {{0, 0}};

  @BeforeAll
  static void compileTheModule() throws IOException {
    TinyProjects.writeModule(project, "Scoring.java", TinyProjects.SCORING_MODULE);
    ProjectModules modules = ProjectModules.compile(project);
    assertThat(modules.problems()).isEmpty();
    registry = MetricRegistry.withBuiltIns();
    ProjectMetrics.register(modules, registry);
  }

  @Test
  void aProjectMetricSeesEveryRowOfTheEpochAtOnce() {
    Metric rows = registry.create("rows_seen", HEAD);
    Metric mae = registry.create("Project_MAE", HEAD);
    for (Metric m : new Metric[] {rows, mae}) {
      m.update(P1, Y1);
      m.update(P2, Y2);
    }
    // |errors|: 0.1 0.2 | 0.6 0.3 | 0.1 0.6 -> 1.9 / 6
    assertThat(rows.value()).isEqualTo(3.0);
    assertThat(mae.value()).isCloseTo(1.9 / 6, within(1e-12));
    assertThat(mae.name()).isEqualTo("Project_MAE");

    mae.reset();
    assertThat(mae.value()).isNaN();
  }

  @Test
  void itEqualsTheBuiltInMetricItReimplements() {
    Metric mine = registry.create("project_mae", HEAD);
    Metric builtIn = registry.create("mae", HEAD);
    for (Metric m : new Metric[] {mine, builtIn}) {
      m.update(P1, Y1);
      m.update(P2, Y2);
    }
    assertThat(mine.value()).isCloseTo(builtIn.value(), within(1e-12));
  }

  @Test
  void summariesThresholdItUnlessItOptsOut() {
    Metric mae = registry.createForEvaluation("project_mae", HEAD);
    Metric rows = registry.createForEvaluation("rows_seen", HEAD);
    mae.update(P1, Y1);
    rows.update(P1, Y1);
    // thresholded at 0.5: {1, 0}, {0, 1} against {1, 0}, {1, 1}: one error in four
    assertThat(mae.value()).isCloseTo(0.25, within(1e-12));
    assertThat(rows.value()).isEqualTo(2.0);
  }

  @Test
  void projectMetricsAreListedWithTheBuiltIns() {
    assertThat(registry.isKnown("ROWS_SEEN")).isTrue();
    assertThat(registry.names()).contains("project_mae", "rows_seen", "binary_accuracy");
  }
}
