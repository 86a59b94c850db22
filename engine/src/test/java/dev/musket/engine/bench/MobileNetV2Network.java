package dev.musket.engine.bench;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.nd4j.linalg.activations.Activation;

/**
 * torchvision's {@code mobilenet_v2} (width 1.0): 3x3/2 stem (32), inverted residual blocks from
 * the (expansion, channels, repeats, stride) table, 1x1 to 1280, global average pool, linear. The
 * peer's dropout(0.2) before the classifier is left out: it costs nothing measurable.
 */
final class MobileNetV2Network implements BenchNetwork {

  private static final int[][] BLOCKS = {
    {1, 16, 1, 1},
    {6, 24, 2, 2},
    {6, 32, 3, 2},
    {6, 64, 4, 2},
    {6, 96, 3, 1},
    {6, 160, 3, 2},
    {6, 320, 1, 1}
  };

  @Override
  public ComputationGraphConfiguration configuration(int size, int classes) {
    GraphSketch g = new GraphSketch(size);
    String x = convBnRelu6(g, "input", 32, 3, 2, 1);
    int channels = 32;
    for (int[] row : BLOCKS) {
      for (int i = 0; i < row[2]; i++) {
        int stride = i == 0 ? row[3] : 1;
        x = invertedResidual(g, x, channels, row[1], stride, row[0]);
        channels = row[1];
      }
    }
    x = convBnRelu6(g, x, 1280, 1, 1, 0);
    return g.classifier(g.globalAveragePool(x), classes);
  }

  private static String invertedResidual(
      GraphSketch g, String in, int inChannels, int out, int stride, int expansion) {
    String y = in;
    if (expansion != 1) {
      y = convBnRelu6(g, y, inChannels * expansion, 1, 1, 0);
    }
    y = g.activation(g.batchNorm(g.depthwise(y, 3, stride, 1)), Activation.RELU6);
    y = g.batchNorm(g.conv(y, out, 1, 1, 0, false));
    return stride == 1 && inChannels == out ? g.sum(in, y) : y;
  }

  private static String convBnRelu6(
      GraphSketch g, String in, int out, int kernel, int stride, int pad) {
    return g.activation(g.batchNorm(g.conv(in, out, kernel, stride, pad, false)), Activation.RELU6);
  }
}
