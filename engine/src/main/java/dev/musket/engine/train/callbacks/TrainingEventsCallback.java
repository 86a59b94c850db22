package dev.musket.engine.train.callbacks;

import dev.musket.engine.events.TrainingEvent;
import dev.musket.engine.events.TrainingListener;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Turns a stage's lifecycle into {@link TrainingEvent}s (stage, epoch and batch), so the CLI's
 * progress bar and the workbench's charts are fed by one callback like any other.
 *
 * <p>Two details matter for the charts: a batch's {@code lr} is the rate it was trained with (read
 * when the batch starts, before schedules move it for the next one), and its images per second
 * cover the time since the previous batch ended, data loading included, which is what a user waits
 * for.
 */
public final class TrainingEventsCallback implements TrainingCallback {

  private final int batchSize;
  private final LongSupplier nanoTime;

  private StageContext context;
  private TrainingListener listener = TrainingListener.NONE;
  private int epoch;
  private int lastEpoch = -1;
  private double batchLr;
  private long lastMark;

  /**
   * @param batchSize images per training batch, for the throughput
   */
  public TrainingEventsCallback(int batchSize) {
    this(batchSize, System::nanoTime);
  }

  /** With an explicit clock, for tests. */
  public TrainingEventsCallback(int batchSize, LongSupplier nanoTime) {
    this.batchSize = batchSize;
    this.nanoTime = nanoTime;
  }

  @Override
  public String name() {
    return "TrainingEvents";
  }

  @Override
  public void onStageStart(StageContext ctx) {
    this.context = ctx;
    this.listener = ctx.listener();
    lastEpoch = ctx.initialEpoch() - 1;
    listener.onEvent(
        new TrainingEvent.StageStarted(
            ctx.experiment(),
            ctx.fold(),
            ctx.stage(),
            ctx.epochs(),
            ctx.initialEpoch(),
            ctx.learningRate().learningRate()));
  }

  @Override
  public void onEpochStart(int epoch) {
    this.epoch = epoch;
    lastMark = nanoTime.getAsLong();
    listener.onEvent(
        new TrainingEvent.EpochStarted(
            context.experiment(), context.fold(), context.stage(), epoch));
  }

  @Override
  public void onBatchStart(int batch) {
    batchLr = context.learningRate().learningRate();
  }

  @Override
  public void onBatchEnd(int batch, double loss) {
    long now = nanoTime.getAsLong();
    double seconds = (now - lastMark) / 1e9;
    lastMark = now;
    double imagesPerSecond = seconds > 0 ? batchSize / seconds : Double.NaN;
    listener.onEvent(
        new TrainingEvent.BatchEnded(
            context.experiment(),
            context.fold(),
            context.stage(),
            epoch,
            batch,
            loss,
            batchLr,
            imagesPerSecond));
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> metrics) {
    lastEpoch = epoch;
    listener.onEvent(
        new TrainingEvent.EpochEnded(
            context.experiment(), context.fold(), context.stage(), epoch, metrics));
  }

  @Override
  public void onStageEnd() {
    listener.onEvent(
        new TrainingEvent.StageEnded(
            context.experiment(), context.fold(), context.stage(), lastEpoch));
  }
}
