package dev.musket.engine.bench;

import dev.musket.engine.runtime.FastDefaults;
import dev.musket.engine.runtime.NativeRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where MobileNetV2's depthwise convolution time goes: for every distinct depthwise convolution of
 * the network at 64x64 batch 16 (torchvision's topology, as the bench's {@code mobilenet_v2} case),
 * the forward and the backward time of DL4J's {@code DepthwiseConvolution2D} layer (libnd4j's
 * depthwise ops; its backward runs the forward again) against the engine's {@code
 * FastDefaults.depthwise} layer (oneDNN called directly, cached primitives), timed alternately in
 * the same process so both see the same load; best of the repetitions.
 *
 * <p>Usage: {@code DepthwiseProbe [--reps 30]}, or {@code bench/run --depthwise-probe}.
 */
public final class DepthwiseProbe {

  private DepthwiseProbe() {}

  /** One depthwise convolution of the network and how many times it occurs. */
  record Shape(int channels, int size, int stride, int count) {}

  public static void main(String[] args) {
    NativeRuntime.initialize();
    int reps = args.length > 1 && args[0].equals("--reps") ? Integer.parseInt(args[1]) : 30;
    int batch = 16;
    System.out.printf(
        Locale.ROOT,
        "mobilenet_v2 64x64 batch %d depthwise 3x3 convolutions (ms, best of %d; fwd = training"
            + " forward, bwd = backprop)%n",
        batch,
        reps);
    System.out.printf(
        Locale.ROOT,
        "%-22s %3s | %17s | %17s | %s%n",
        "channels@size/stride",
        "n",
        "DL4J fwd    bwd",
        "engine fwd    bwd",
        "speed-up");
    double dl4jTotal = 0;
    double engineTotal = 0;
    for (Shape s : mobileNetV2(64)) {
      DepthwiseConvolution2D.Builder builder =
          new DepthwiseConvolution2D.Builder(3, 3)
              .stride(s.stride(), s.stride())
              .padding(1, 1)
              .convolutionMode(ConvolutionMode.Truncate)
              .nIn(s.channels())
              .hasBias(false)
              .activation(Activation.IDENTITY)
              .dataFormat(FastDefaults.DATA_FORMAT);
      Layer dl4j = instantiate(builder.build());
      Layer engine = instantiate(FastDefaults.depthwise(builder));
      INDArray x = Nd4j.randn(DataType.FLOAT, batch, s.channels(), s.size(), s.size());
      double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
      for (int r = 0; r < reps + 3; r++) {
        double[] a = time(dl4j, x);
        double[] b = time(engine, x);
        if (r >= 3) {
          best[0] = Math.min(best[0], a[0]);
          best[1] = Math.min(best[1], a[1]);
          best[2] = Math.min(best[2], b[0]);
          best[3] = Math.min(best[3], b[1]);
        }
      }
      dl4jTotal += s.count() * (best[0] + best[1]);
      engineTotal += s.count() * (best[2] + best[3]);
      System.out.printf(
          Locale.ROOT,
          "%-22s %3d | %8.2f %8.2f | %8.2f %8.2f | %5.1fx%n",
          s.channels() + "@" + s.size() + "/" + s.stride(),
          s.count(),
          best[0] * 1e3,
          best[1] * 1e3,
          best[2] * 1e3,
          best[3] * 1e3,
          (best[0] + best[1]) / (best[2] + best[3]));
    }
    System.out.printf(
        Locale.ROOT,
        "depthwise time per training iteration (fwd + bwd): DL4J %.1f ms, engine %.1f ms (%.1fx)%n",
        dl4jTotal * 1e3,
        engineTotal * 1e3,
        dl4jTotal / engineTotal);
  }

  /** Seconds for one training forward and one backprop. */
  private static double[] time(Layer layer, INDArray x) {
    LayerWorkspaceMgr noWs = LayerWorkspaceMgr.noWorkspaces();
    long t0 = System.nanoTime();
    layer.setInput(x, noWs);
    INDArray out = layer.activate(true, noWs);
    long t1 = System.nanoTime();
    layer.backpropGradient(out, noWs);
    long t2 = System.nanoTime();
    return new double[] {(t1 - t0) / 1e9, (t2 - t1) / 1e9};
  }

  private static Layer instantiate(org.deeplearning4j.nn.conf.layers.Layer conf) {
    NeuralNetConfiguration c =
        new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).seed(1).layer(conf).build();
    long n = c.getLayer().initializer().numParams(c);
    Layer layer =
        c.getLayer()
            .instantiate(c, null, 0, Nd4j.create(DataType.FLOAT, 1, n), true, DataType.FLOAT);
    layer.setBackpropGradientsViewArray(Nd4j.create(DataType.FLOAT, 1, n));
    return layer;
  }

  /** The depthwise convolutions of torchvision's mobilenet_v2 (width 1.0) at this input size. */
  static List<Shape> mobileNetV2(int size) {
    int[][] blocks = {
      {1, 16, 1, 1},
      {6, 24, 2, 2},
      {6, 32, 3, 2},
      {6, 64, 4, 2},
      {6, 96, 3, 1},
      {6, 160, 3, 2},
      {6, 320, 1, 1}
    };
    List<Shape> shapes = new ArrayList<>();
    int s = (size + 1) / 2;
    int channels = 32;
    for (int[] row : blocks) {
      for (int i = 0; i < row[2]; i++) {
        int stride = i == 0 ? row[3] : 1;
        int hidden = channels * row[0];
        Shape last = shapes.isEmpty() ? null : shapes.get(shapes.size() - 1);
        if (last != null
            && last.channels() == hidden
            && last.size() == s
            && last.stride() == stride) {
          shapes.set(shapes.size() - 1, new Shape(hidden, s, stride, last.count() + 1));
        } else {
          shapes.add(new Shape(hidden, s, stride, 1));
        }
        s = (s + stride - 1) / stride;
        channels = row[1];
      }
    }
    return shapes;
  }
}
