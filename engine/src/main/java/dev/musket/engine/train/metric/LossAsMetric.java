package dev.musket.engine.train.metric;

import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * A loss used as a metric ({@code metrics: [log_loss]}), as Keras allows for every loss: the
 * batch-size-weighted mean of the loss's batch values over the epoch (exactly the mean over
 * examples for per-example losses). The loss reads the predictions as they are, so a loss defined
 * on logits (the Lovász hinge) sees probabilities here.
 */
final class LossAsMetric implements Metric {

  private final String name;
  private final ILossFunction loss;
  private double sum;
  private long count;

  LossAsMetric(String name, ILossFunction loss) {
    this.name = name;
    this.loss = loss;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void update(double[][] predictions, double[][] targets) {
    if (predictions.length == 0) {
      return;
    }
    var p = Nd4j.create(predictions);
    var y = Nd4j.create(targets).castTo(DataType.DOUBLE);
    sum += loss.computeScore(y, p, new ActivationIdentity(), null, false);
    count += predictions.length;
  }

  @Override
  public double value() {
    return count == 0 ? Double.NaN : sum / count;
  }

  @Override
  public void reset() {
    sum = 0;
    count = 0;
  }
}
