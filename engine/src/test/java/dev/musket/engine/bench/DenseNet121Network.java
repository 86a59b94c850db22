package dev.musket.engine.bench;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.nd4j.linalg.activations.Activation;

/**
 * torchvision's {@code densenet121}: 7x7/2 stem (64) + BN-ReLU + 3x3/2 max pool, dense blocks of
 * (6, 12, 24, 16) layers with growth 32 and bottleneck 4x (BN-ReLU-1x1, BN-ReLU-3x3, concatenated
 * to all earlier features), transitions halving channels (BN-ReLU-1x1, 2x2/2 average pool), final
 * BN-ReLU, global average pool, linear.
 */
final class DenseNet121Network implements BenchNetwork {

  private static final int[] BLOCK_LAYERS = {6, 12, 24, 16};
  private static final int GROWTH = 32;
  private static final int BOTTLENECK = 4;

  @Override
  public ComputationGraphConfiguration configuration(int size, int classes) {
    GraphSketch g = new GraphSketch(size);
    String x = g.activation(g.batchNorm(g.conv("input", 64, 7, 2, 3, false)), Activation.RELU);
    x = g.pool(x, PoolingType.MAX, 3, 2, 1);
    int channels = 64;
    for (int block = 0; block < BLOCK_LAYERS.length; block++) {
      for (int layer = 0; layer < BLOCK_LAYERS[block]; layer++) {
        String y = g.conv(bnRelu(g, x), BOTTLENECK * GROWTH, 1, 1, 0, false);
        y = g.conv(bnRelu(g, y), GROWTH, 3, 1, 1, false);
        x = g.concat(x, y);
        channels += GROWTH;
      }
      if (block < BLOCK_LAYERS.length - 1) {
        channels /= 2;
        x = g.pool(g.conv(bnRelu(g, x), channels, 1, 1, 0, false), PoolingType.AVG, 2, 2, 0);
      }
    }
    return g.classifier(g.globalAveragePool(bnRelu(g, x)), classes);
  }

  private static String bnRelu(GraphSketch g, String in) {
    return g.activation(g.batchNorm(in), Activation.RELU);
  }
}
