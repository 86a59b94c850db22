package dev.musket.engine.train.callbacks;

import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code musket fit --time SEC}: ends training at the first epoch end after the time is up, as
 * Musket's {@code TimeoutCallback} did; the runner then skips the summary ({@link #expired()}), so
 * the experiment stays incomplete and can be resumed.
 *
 * <p>Share one instance across the experiment's stages: the clock starts when it is created.
 */
public final class TimeLimit implements TrainingCallback {

  private static final Logger LOG = LoggerFactory.getLogger(TimeLimit.class);

  private final LongSupplier nanoTime;
  private final long deadline;
  private boolean expired;

  public TimeLimit(Duration limit) {
    this(limit, System::nanoTime);
  }

  /** With an explicit clock, for tests. */
  public TimeLimit(Duration limit, LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.deadline = nanoTime.getAsLong() + limit.toNanos();
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> metrics) {
    if (!expired && nanoTime.getAsLong() - deadline > 0) {
      LOG.info("Time limit reached after epoch {}; stopping", epoch);
      expired = true;
    }
  }

  @Override
  public boolean shouldStop() {
    return expired;
  }

  /** Whether training was stopped by the time limit. */
  public boolean expired() {
    return expired;
  }
}
