package dev.musket.engine.train;

import dev.musket.engine.train.callbacks.LearningRateControl;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The learning rate of a DL4J network as callbacks see it.
 *
 * <p>Why not {@link ComputationGraph#setLearningRate(double)}: it rebuilds the updater and copies
 * its whole state on every call, and per-batch schedules (CyclicLR, LRVariator) call it every
 * batch. DL4J's gradient updaters read the rate from their layer's {@link IUpdater} object at each
 * step, so setting it there takes effect from the next batch, exactly like Keras' {@code
 * K.set_value(optimizer.lr, ...)}. Frozen layers have no updater with a rate and are skipped.
 */
public final class NetworkLearningRate implements LearningRateControl {

  private final ComputationGraph network;
  private double lr;

  public NetworkLearningRate(ComputationGraph network, double initial) {
    this.network = network;
    setLearningRate(initial);
  }

  @Override
  public double learningRate() {
    return lr;
  }

  @Override
  public void setLearningRate(double newLr) {
    if (newLr == lr) {
      return;
    }
    lr = newLr;
    for (Layer layer : network.getLayers()) {
      if (layer.conf().getLayer() instanceof BaseLayer base) {
        set(base.getIUpdater(), newLr);
        set(base.getBiasUpdater(), newLr);
      }
    }
  }

  private static void set(IUpdater updater, double lr) {
    if (updater != null && updater.hasLearningRate()) {
      updater.setLrAndSchedule(lr, null);
    }
  }
}
