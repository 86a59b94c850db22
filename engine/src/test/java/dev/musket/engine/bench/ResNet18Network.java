package dev.musket.engine.bench;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.nd4j.linalg.activations.Activation;

/**
 * torchvision's {@code resnet18}: 7x7/2 stem, 3x3/2 max pool, four stages of two basic blocks (64,
 * 128, 256, 512 channels; the first block of stages 2-4 has stride 2 and a 1x1/2 projection
 * shortcut with batch norm), global average pool, linear. Convolutions have no bias.
 */
final class ResNet18Network implements BenchNetwork {
  @Override
  public ComputationGraphConfiguration configuration(int size, int classes) {
    GraphSketch g = new GraphSketch(size);
    String x = g.activation(g.batchNorm(g.conv("input", 64, 7, 2, 3, false)), Activation.RELU);
    x = g.pool(x, PoolingType.MAX, 3, 2, 1);
    int[] widths = {64, 128, 256, 512};
    for (int stage = 0; stage < widths.length; stage++) {
      for (int block = 0; block < 2; block++) {
        int stride = stage > 0 && block == 0 ? 2 : 1;
        x = basicBlock(g, x, widths[stage], stride);
      }
    }
    return g.classifier(g.globalAveragePool(x), classes);
  }

  private static String basicBlock(GraphSketch g, String in, int width, int stride) {
    String y = g.activation(g.batchNorm(g.conv(in, width, 3, stride, 1, false)), Activation.RELU);
    y = g.batchNorm(g.conv(y, width, 3, 1, 1, false));
    String shortcut = stride == 1 ? in : g.batchNorm(g.conv(in, width, 1, stride, 0, false));
    return g.activation(g.sum(y, shortcut), Activation.RELU);
  }
}
