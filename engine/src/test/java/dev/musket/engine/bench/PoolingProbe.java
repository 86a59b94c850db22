package dev.musket.engine.bench;

import dev.musket.engine.runtime.FastDefaults;
import dev.musket.engine.runtime.NativeRuntime;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where the bench networks' pooling time goes: for every pooling layer of the small CNN (64x64
 * batch 32), ResNet-18 and DenseNet-121 (64x64 batch 16), the training-forward and backward time of
 * DL4J's layer ({@code SubsamplingLayer} with DL4J's oneDNN helper: libnd4j's ops; {@code
 * GlobalPoolingLayer}: ND4J reductions) against the engine's ({@code FastDefaults.subsampling} /
 * {@code globalPooling}: oneDNN called directly), timed alternately in the same process so both see
 * the same load; best of the repetitions. {@code -Dmusket.onednn.pooling.blocked=true} runs the
 * engine's on oneDNN's channel-blocked layout.
 *
 * <p>Usage: {@code PoolingProbe [--reps 30]}, or {@code bench/run --pool-probe}.
 */
public final class PoolingProbe {

  private PoolingProbe() {}

  /** One pooling layer: kernel 0 = global average pooling. */
  record Shape(
      String net,
      String kind,
      int kernel,
      int stride,
      int pad,
      int channels,
      int size,
      int batch) {}

  public static void main(String[] args) {
    NativeRuntime.initialize();
    int reps = args.length > 1 && args[0].equals("--reps") ? Integer.parseInt(args[1]) : 30;
    List<Shape> shapes =
        List.of(
            new Shape("small_cnn", "max", 2, 2, 0, 32, 64, 32),
            new Shape("small_cnn", "max", 2, 2, 0, 64, 32, 32),
            new Shape("small_cnn", "gap", 0, 1, 0, 128, 16, 32),
            new Shape("resnet18", "max", 3, 2, 1, 64, 32, 16),
            new Shape("resnet18", "gap", 0, 1, 0, 512, 2, 16),
            new Shape("densenet121", "avg", 2, 2, 0, 128, 16, 16),
            new Shape("densenet121", "avg", 2, 2, 0, 256, 8, 16),
            new Shape("densenet121", "avg", 2, 2, 0, 512, 4, 16),
            new Shape("densenet121", "gap", 0, 1, 0, 1024, 2, 16));
    System.out.printf(
        Locale.ROOT,
        "pooling layers (ms, best of %d; fwd = training forward, bwd = backprop; layout %s)%n",
        reps,
        Boolean.getBoolean("musket.onednn.pooling.blocked") ? "nChw16c" : "nchw");
    System.out.printf(
        Locale.ROOT,
        "%-34s | %17s | %17s | %s%n",
        "layer",
        "DL4J fwd    bwd",
        "engine fwd    bwd",
        "speed-up");
    for (Shape s : shapes) {
      Layer dl4j = instantiate(dl4j(s));
      Layer engine = instantiate(engine(s));
      INDArray x = Nd4j.randn(DataType.FLOAT, s.batch(), s.channels(), s.size(), s.size());
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
      System.out.printf(
          Locale.ROOT,
          "%-34s | %8.3f %8.3f | %8.3f %8.3f | %5.1fx%n",
          String.format(
              Locale.ROOT,
              "%s %s %s %d@%d b%d",
              s.net(),
              s.kind(),
              s.kernel() == 0 ? "global" : s.kernel() + "/" + s.stride() + "p" + s.pad(),
              s.channels(),
              s.size(),
              s.batch()),
          best[0] * 1e3,
          best[1] * 1e3,
          best[2] * 1e3,
          best[3] * 1e3,
          (best[0] + best[1]) / (best[2] + best[3]));
    }
  }

  private static org.deeplearning4j.nn.conf.layers.Layer dl4j(Shape s) {
    return s.kernel() == 0
        ? new GlobalPoolingLayer.Builder(PoolingType.AVG).build()
        : builder(s).build();
  }

  private static org.deeplearning4j.nn.conf.layers.Layer engine(Shape s) {
    return s.kernel() == 0
        ? FastDefaults.globalPooling(new GlobalPoolingLayer.Builder(PoolingType.AVG))
        : FastDefaults.subsampling(builder(s));
  }

  private static SubsamplingLayer.Builder builder(Shape s) {
    return new SubsamplingLayer.Builder(
            s.kind().equals("max")
                ? SubsamplingLayer.PoolingType.MAX
                : SubsamplingLayer.PoolingType.AVG)
        .kernelSize(s.kernel(), s.kernel())
        .stride(s.stride(), s.stride())
        .padding(s.pad(), s.pad())
        .dataFormat(FastDefaults.DATA_FORMAT);
  }

  /** Seconds for one training forward and one backprop (epsilon = the output). */
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
    return c.getLayer().instantiate(c, null, 0, null, false, DataType.FLOAT);
  }
}
