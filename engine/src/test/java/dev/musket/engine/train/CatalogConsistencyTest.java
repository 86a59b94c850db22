package dev.musket.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.config.schema.NameCatalog;
import dev.musket.engine.config.schema.NamedEntry;
import dev.musket.engine.config.schema.Schema;
import dev.musket.engine.train.loss.LossRegistry;
import dev.musket.engine.train.metric.MetricContext;
import dev.musket.engine.train.metric.MetricNames;
import dev.musket.engine.train.metric.MetricRegistry;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The schema's catalog (what validation, completion and the reference page offer) and the
 * registries (what training runs) name the same losses and metrics.
 */
class CatalogConsistencyTest {

  private static final Schema SCHEMA = Schema.classification();

  private static Set<String> namesAndAliases(NameCatalog<NamedEntry> catalog) {
    Set<String> names = new HashSet<>();
    for (NamedEntry e : catalog.entries()) {
      names.add(e.name().toLowerCase(Locale.ROOT));
      e.aliases().forEach(a -> names.add(a.toLowerCase(Locale.ROOT)));
    }
    return names;
  }

  @Test
  void everyCatalogLossTrains() {
    LossRegistry losses = LossRegistry.withBuiltIns();
    assertThat(namesAndAliases(SCHEMA.losses())).allSatisfy(n -> assertThat(losses.resolve(n)));
  }

  @Test
  void everyBuiltInLossIsInTheCatalog() {
    assertThat(namesAndAliases(SCHEMA.losses())).containsAll(LossRegistry.withBuiltIns().names());
  }

  @Test
  void everyCatalogMetricIsComputedAndEveryBuiltInMetricIsOffered() {
    MetricRegistry metrics = MetricRegistry.withBuiltIns();
    Set<String> catalog = namesAndAliases(SCHEMA.metrics());
    for (String name : catalog) {
      if (!name.equals(MetricNames.LOSS)) {
        assertThat(metrics.create(name, new MetricContext(2, "sigmoid", null)).name())
            .isEqualTo(name);
      }
    }
    Set<String> offered = new HashSet<>(catalog);
    offered.addAll(namesAndAliases(SCHEMA.losses()));
    assertThat(offered).containsAll(metrics.names());
  }
}
