package dev.musket.engine.train.callbacks;

/**
 * The optimizer's learning rate as callbacks see it; the trainer implements it over its updater.
 *
 * <p>Why an interface: schedules (CyclicLR, LRVariator, ReduceLROnPlateau) then run and are tested
 * as plain Java, and the trainer alone knows how DL4J stores the rate. A value set here applies
 * from the next batch on, as {@code K.set_value(model.optimizer.lr, ...)} did in Keras.
 */
public interface LearningRateControl {

  double learningRate();

  void setLearningRate(double lr);

  /** A plain holder, for tests and for the LR finder's dry runs. */
  final class Holder implements LearningRateControl {
    private double lr;

    public Holder(double lr) {
      this.lr = lr;
    }

    @Override
    public double learningRate() {
      return lr;
    }

    @Override
    public void setLearningRate(double lr) {
      this.lr = lr;
    }
  }
}
