package dev.musket.engine.bench;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.nd4j.linalg.activations.Activation;

/** The peer's small CNN: conv32-pool, conv64-pool, conv128, global average pool, linear. */
final class SmallCnnNetwork implements BenchNetwork {
  @Override
  public ComputationGraphConfiguration configuration(int size, int classes) {
    GraphSketch g = new GraphSketch(size);
    String x = "input";
    int[] widths = {32, 64, 128};
    for (int i = 0; i < widths.length; i++) {
      x = g.activation(g.conv(x, widths[i], 3, 1, 1, true), Activation.RELU);
      if (i < 2) {
        x = g.pool(x, PoolingType.MAX, 2, 2, 0);
      }
    }
    return g.classifier(g.globalAveragePool(x), classes);
  }
}
