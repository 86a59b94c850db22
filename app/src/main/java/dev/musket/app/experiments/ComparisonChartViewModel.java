package dev.musket.app.experiments;

import dev.musket.app.task.LatestRequest;
import dev.musket.app.task.TaskExecutor;
import java.time.Duration;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Chart together": several experiments' curves of one metric against epoch, read from their
 * metrics CSVs in the background. Changing the metric or the fold-mean switch re-reads the same
 * experiments; the latest read wins.
 */
public final class ComparisonChartViewModel {

  private final LatestRequest<List<ComparisonSeries>> read;
  private final ObservableList<String> metrics = FXCollections.observableArrayList();
  private final ObservableList<String> metricsView =
      FXCollections.unmodifiableObservableList(metrics);
  private final ObjectProperty<String> metric = new SimpleObjectProperty<>(this, "metric");
  private final BooleanProperty foldMean = new SimpleBooleanProperty(this, "foldMean");
  private final ObservableList<ComparisonSeries> series = FXCollections.observableArrayList();
  private final ObservableList<ComparisonSeries> seriesView =
      FXCollections.unmodifiableObservableList(series);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private List<ExperimentRow> charted = List.of();

  public ComparisonChartViewModel(TaskExecutor executor) {
    this.read = new LatestRequest<>(executor, "Reading metrics to compare", Duration.ZERO);
    metric.addListener((o, was, now) -> reread());
    foldMean.addListener((o, was, now) -> reread());
  }

  /** Charts these experiments (their curves of the current metric). */
  public void show(List<ExperimentRow> experiments) {
    charted = List.copyOf(experiments);
    reread();
  }

  /** The metrics the experiments have; keeps the chosen one if it is still there. */
  void metricsChanged(List<String> available, String preferred) {
    metrics.setAll(available);
    if (metric.get() != null && available.contains(metric.get())) {
      return;
    }
    for (String m : new String[] {preferred, "val_loss"}) {
      if (m != null && available.contains(m)) {
        metric.set(m);
        return;
      }
    }
    metric.set(
        available.stream()
            .filter(m -> m.startsWith("val_"))
            .findFirst()
            .orElse(available.isEmpty() ? null : available.get(0)));
  }

  private void reread() {
    String m = metric.get();
    if (charted.isEmpty() || m == null) {
      read.cancel();
      series.clear();
      message.set(charted.isEmpty() ? "Select experiments and chart them together" : "");
      return;
    }
    List<ExperimentRow> picked = charted;
    boolean mean = foldMean.get();
    read.request(
        context -> ComparisonData.read(picked, m, mean),
        s -> {
          series.setAll(s);
          message.set(s.isEmpty() ? "No curves of " + m + " in the selected experiments" : "");
        },
        error -> {
          series.clear();
          message.set("Could not read the metrics: " + error.getMessage());
        });
  }

  /** The experiments charted now. */
  public List<ExperimentRow> charted() {
    return charted;
  }

  public ObservableList<String> metrics() {
    return metricsView;
  }

  public ObjectProperty<String> metricProperty() {
    return metric;
  }

  /** On: one curve per experiment and stage, averaged over folds; off: one per fold. */
  public BooleanProperty foldMeanProperty() {
    return foldMean;
  }

  public ObservableList<ComparisonSeries> series() {
    return seriesView;
  }

  /** Why the chart is empty, or empty. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }
}
