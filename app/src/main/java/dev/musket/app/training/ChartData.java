package dev.musket.app.training;

import dev.musket.engine.events.TrainingEvent;
import dev.musket.engine.experiment.FoldStage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One experiment's training charts as plain data: which charts, which series (one per fold and
 * stage, train and val), their points, and the best-epoch and early-stop markers. Built the same
 * way from live events and from the metrics CSVs of a finished run, so both look alike; the view
 * maps it to JFreeChart datasets.
 *
 * <p>Not thread-safe: live data is changed on the FX thread only; data loaded from files is built
 * on a background thread and handed over whole.
 */
public final class ChartData {

  /** Loss against epoch (train and val). */
  public static final String LOSS = "loss";

  /** Per-batch training loss with its moving average, against the iteration. */
  public static final String BATCH_LOSS = "batch loss";

  /** The learning rate against epoch. */
  public static final String LR = "lr";

  /**
   * The learning rate per batch, shown only once it changes within an epoch (CyclicLR, LRVariator):
   * for epoch-wise schedules it would repeat the {@link #LR} chart as a staircase.
   */
  public static final String BATCH_LR = "batch lr";

  /**
   * Weight of the past in the per-batch loss's exponential moving average: batch losses are noisy
   * (one mini-batch each), and 0.9 averages about the last ten, enough to see the trend.
   */
  public static final double EMA_WEIGHT = 0.9;

  private final Map<String, Chart> charts = new LinkedHashMap<>();
  private final List<EpochMarker> markers = new ArrayList<>();
  private final Map<FoldStage, Integer> iterations = new HashMap<>();
  private final Map<FoldStage, Double> ema = new HashMap<>();
  private final Map<FoldStage, BatchLr> batchLr = new HashMap<>();
  private final Set<List<Integer>> epochs = new HashSet<>();
  private int markersRevision;

  /** One chart: its id (also its title), its x axis, and its series in order of appearance. */
  public static final class Chart {
    private final String id;
    private final boolean perBatch;
    private final Map<String, ChartSeries> series = new LinkedHashMap<>();

    Chart(String id, boolean perBatch) {
      this.id = id;
      this.perBatch = perBatch;
    }

    public String id() {
      return id;
    }

    /** True when x counts training batches (iterations), false when it counts epochs. */
    public boolean perBatch() {
      return perBatch;
    }

    public String xLabel() {
      return perBatch ? "iteration" : "epoch";
    }

    /** Whether a log scale suits it: losses and the lr, not bounded scores like accuracy. */
    public boolean logScalable() {
      return perBatch || id.equals(LOSS) || id.equals(LR) || id.endsWith("loss");
    }

    public List<ChartSeries> series() {
      return List.copyOf(series.values());
    }

    ChartSeries series(String key, String label) {
      return series.computeIfAbsent(key, k -> new ChartSeries(k, label));
    }
  }

  /** The charts in reading order: loss, the metrics by name, per-batch loss, lr, per-batch lr. */
  public List<Chart> charts() {
    List<Chart> out = new ArrayList<>(charts.values());
    out.sort(Comparator.comparingInt(ChartData::rank).thenComparing(Chart::id));
    return out;
  }

  public Chart chart(String id) {
    return charts.get(id);
  }

  public List<EpochMarker> markers() {
    return List.copyOf(markers);
  }

  /** Changes whenever a marker was added or moved, so the view redraws markers only then. */
  public int markersRevision() {
    return markersRevision;
  }

  /** Points in all series together. */
  public int pointCount() {
    return charts.values().stream()
        .flatMap(c -> c.series.values().stream())
        .mapToInt(ChartSeries::size)
        .sum();
  }

  /** Takes in one live event; those that carry nothing to plot are ignored. */
  public void accept(TrainingEvent event) {
    if (event instanceof TrainingEvent.EpochEnded e) {
      addEpoch(e.fold(), e.stage(), e.epoch(), e.metrics());
    } else if (event instanceof TrainingEvent.BatchEnded e) {
      addBatch(e.fold(), e.stage(), e.epoch(), e.loss(), e.lr());
    } else if (event instanceof TrainingEvent.CheckpointSaved e) {
      markBest(e.fold(), e.stage(), e.epoch());
    } else if (event instanceof TrainingEvent.EarlyStopped e) {
      markEarlyStop(e.fold(), e.stage(), e.epoch());
    }
  }

  /**
   * One metrics row, once per fold, stage and epoch: {@code loss}, {@code lr}, each metric and its
   * {@code val_} twin.
   */
  void addEpoch(int fold, int stage, int epoch, Map<String, Double> metrics) {
    if (!epochs.add(List.of(fold, stage, epoch))) {
      return; // already there: a resumed run's history read while its events arrived
    }
    for (Map.Entry<String, Double> m : metrics.entrySet()) {
      double value = m.getValue() == null ? Double.NaN : m.getValue();
      if (!Double.isFinite(value)) {
        continue; // a gap (NaN loss, a metric not computed that epoch), not a point
      }
      String column = m.getKey();
      boolean val = column.startsWith("val_");
      String id = val ? column.substring(4) : column;
      String role = id.equals(LR) ? "lr" : val ? "val" : "train";
      series(id, false, fold, stage, role).add(epoch, value);
    }
  }

  /** One training batch's loss and learning rate; x is the batch's number within its fold-stage. */
  void addBatch(int fold, int stage, int epoch, double loss, double lr) {
    FoldStage fs = new FoldStage(fold, stage);
    int iteration = iterations.merge(fs, 1, Integer::sum);
    if (Double.isFinite(lr)) {
      batchLr.computeIfAbsent(fs, k -> new BatchLr()).add(this, fs, epoch, iteration, lr);
    }
    if (!Double.isFinite(loss)) {
      return;
    }
    double smoothed =
        ema.containsKey(fs) ? EMA_WEIGHT * ema.get(fs) + (1 - EMA_WEIGHT) * loss : loss;
    ema.put(fs, smoothed);
    series(BATCH_LOSS, true, fold, stage, "raw").addSampled(iteration, loss);
    series(BATCH_LOSS, true, fold, stage, "smoothed").addSampled(iteration, smoothed);
  }

  /** The best weights so far of a fold-stage: the marker moves to {@code epoch}. */
  void markBest(int fold, int stage, int epoch) {
    markers.removeIf(
        m -> m.kind() == EpochMarker.Kind.BEST && m.fold() == fold && m.stage() == stage);
    markers.add(new EpochMarker(EpochMarker.Kind.BEST, fold, stage, epoch));
    markersRevision++;
  }

  /** Where a fold-stage stopped early; one per fold-stage (the files and the events may agree). */
  void markEarlyStop(int fold, int stage, int epoch) {
    markers.removeIf(
        m -> m.kind() == EpochMarker.Kind.EARLY_STOP && m.fold() == fold && m.stage() == stage);
    markers.add(new EpochMarker(EpochMarker.Kind.EARLY_STOP, fold, stage, epoch));
    markersRevision++;
  }

  private ChartSeries series(String id, boolean perBatch, int fold, int stage, String role) {
    Chart chart = charts.computeIfAbsent(id, i -> new Chart(i, perBatch));
    return chart.series(
        fold + "." + stage + " " + role, "fold " + fold + " stage " + stage + " " + role);
  }

  /**
   * A fold-stage's per-batch learning rates, held back until they change within an epoch; then the
   * series is created with everything so far and grows directly from there on.
   */
  private static final class BatchLr {
    private double[] held = new double[32];
    private int size;
    private int epoch = -1;
    private double epochLr;
    private ChartSeries series;

    void add(ChartData data, FoldStage fs, int batchEpoch, int iteration, double lr) {
      if (series == null && batchEpoch == epoch && lr != epochLr) {
        series = data.series(BATCH_LR, true, fs.fold(), fs.stage(), "lr");
        for (int i = 0; i < size; i += 2) {
          series.addSampled(held[i], held[i + 1]);
        }
        held = null;
      }
      if (series != null) {
        series.addSampled(iteration, lr);
        return;
      }
      if (batchEpoch != epoch) {
        epoch = batchEpoch;
        epochLr = lr;
      }
      if (size + 2 > held.length) {
        held = java.util.Arrays.copyOf(held, held.length * 2);
      }
      held[size++] = iteration;
      held[size++] = lr;
    }
  }

  private static int rank(Chart c) {
    if (c.id().equals(LOSS)) {
      return 0;
    }
    if (c.id().equals(BATCH_LOSS)) {
      return 2;
    }
    if (c.id().equals(LR)) {
      return 3;
    }
    if (c.id().equals(BATCH_LR)) {
      return 4;
    }
    return 1;
  }
}
