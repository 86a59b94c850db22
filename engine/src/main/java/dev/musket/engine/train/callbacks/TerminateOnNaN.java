package dev.musket.engine.train.callbacks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the stage right after a batch whose loss is NaN or infinite (Keras' {@code TerminateOnNaN}):
 * once the weights hold NaNs, every further batch is wasted time.
 */
public final class TerminateOnNaN implements TrainingCallback {

  private static final Logger LOG = LoggerFactory.getLogger(TerminateOnNaN.class);

  private boolean stop;

  @Override
  public void onStageStart(StageContext context) {
    stop = false;
  }

  @Override
  public void onBatchEnd(int batch, double loss) {
    if (Double.isNaN(loss) || Double.isInfinite(loss)) {
      LOG.warn("Batch {}: Invalid loss, terminating training", batch);
      stop = true;
    }
  }

  @Override
  public boolean shouldStop() {
    return stop;
  }
}
