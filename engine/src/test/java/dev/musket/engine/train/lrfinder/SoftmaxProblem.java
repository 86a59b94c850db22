package dev.musket.engine.train.lrfinder;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A problem whose good learning rate is known: softmax regression with plain SGD on two Gaussian
 * classes in {@link #FEATURES} dimensions, with a tenth of the labels flipped.
 *
 * <p>Why this one: for plain SGD on cross-entropy the largest stable rate is set by the curvature,
 * about {@code 2 / (p(1-p) * lambda_max(E[x x^T]))}; the features have a second moment of about
 * {@link #SCALE}^2 along the class axis, so rates far above 1 overshoot. Flipped labels keep the
 * best loss above zero, so an overshooting model (huge, confidently wrong weights) really shows a
 * rising loss instead of separating the classes ever faster. The tests check the claim directly:
 * fixed-rate training at 1e-2 lowers the loss, at 1 it does not.
 */
final class SoftmaxProblem {

  static final int FEATURES = 10;
  static final double SCALE = 10;

  private SoftmaxProblem() {}

  static ComputationGraph network(double lr, long seed) {
    var conf =
        new NeuralNetConfiguration.Builder()
            .seed(seed)
            .updater(new Sgd(lr))
            .weightInit(WeightInit.XAVIER)
            .graphBuilder()
            .addInputs("in")
            .setInputTypes(InputType.feedForward(FEATURES))
            .addLayer(
                "out",
                new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                    .nOut(2)
                    .activation(Activation.SOFTMAX)
                    .build(),
                "in")
            .setOutputs("out")
            .build();
    ComputationGraph net = new ComputationGraph(conf);
    net.init();
    return net;
  }

  /** {@code batches} batches of {@code batchSize} examples. */
  static List<org.nd4j.linalg.dataset.api.MultiDataSet> batches(
      int batches, int batchSize, long seed) {
    Random random = new Random(seed);
    List<org.nd4j.linalg.dataset.api.MultiDataSet> out = new ArrayList<>();
    for (int b = 0; b < batches; b++) {
      INDArray x = Nd4j.create(batchSize, FEATURES);
      INDArray y = Nd4j.create(batchSize, 2);
      for (int i = 0; i < batchSize; i++) {
        int label = random.nextInt(2);
        for (int f = 0; f < FEATURES; f++) {
          double mean = f == 0 ? (label == 0 ? -SCALE : SCALE) * 0.5 : 0;
          x.putScalar(i, f, mean + random.nextGaussian() * SCALE * 0.5);
        }
        int target = random.nextDouble() < 0.1 ? 1 - label : label;
        y.putScalar(i, target, 1);
      }
      out.add(new MultiDataSet(x, y));
    }
    return out;
  }

  /** The batches in order, again after each reset. */
  static MultiDataSetIterator iterator(List<org.nd4j.linalg.dataset.api.MultiDataSet> batches) {
    return new MultiDataSetIterator() {
      private int next;

      @Override
      public org.nd4j.linalg.dataset.api.MultiDataSet next(int num) {
        return next();
      }

      @Override
      public org.nd4j.linalg.dataset.api.MultiDataSet next() {
        return batches.get(next++);
      }

      @Override
      public boolean hasNext() {
        return next < batches.size();
      }

      @Override
      public void reset() {
        next = 0;
      }

      @Override
      public boolean resetSupported() {
        return true;
      }

      @Override
      public boolean asyncSupported() {
        return false;
      }

      @Override
      public void setPreProcessor(
          org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor preProcessor) {}

      @Override
      public org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor getPreProcessor() {
        return null;
      }
    };
  }
}
