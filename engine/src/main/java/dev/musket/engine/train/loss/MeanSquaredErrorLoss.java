package dev.musket.engine.train.loss;

import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * Keras' {@code mse}: DL4J's {@link LossMSE} as it is (squared errors averaged over the outputs of
 * an example, then over the batch: exactly Keras' reduction), named as Keras names it.
 */
public final class MeanSquaredErrorLoss extends LossMSE {

  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "mse";
  }

  @Override
  public String toString() {
    return "mse";
  }
}
