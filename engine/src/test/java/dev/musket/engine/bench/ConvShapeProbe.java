package dev.musket.engine.bench;

import dev.musket.engine.onednn.ConvGeometry;
import dev.musket.engine.onednn.OneDnnConvolution;
import dev.musket.engine.runtime.NativeRuntime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2DDerivative;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where ResNet-18's convolution time goes: for every distinct convolution of the network (at 64x64
 * batch 16 and 224x224 batch 8), the effective GFLOP/s of forward and backward (data + weights)
 * through libnd4j's conv2d / conv2d_bp ops exactly as DL4J's MKLDNNConvHelper calls them, against
 * the same convolution through oneDNN directly with cached primitives, on plain NCHW layouts and on
 * oneDNN's blocked layouts (reorders at the boundary included). Prints a table and, per case, the
 * convolution time per training iteration each way.
 *
 * <p>Usage: {@code ConvShapeProbe [--reps 20]}; times are the best of the repetitions.
 */
public final class ConvShapeProbe {

  private ConvShapeProbe() {}

  /** One convolution of the network and how many times it occurs. */
  record Conv(String name, ConvGeometry g, int count) {}

  public static void main(String[] args) {
    NativeRuntime.initialize();
    int reps = args.length > 1 && args[0].equals("--reps") ? Integer.parseInt(args[1]) : 20;
    for (int[] c : new int[][] {{64, 16}, {224, 8}}) {
      List<Conv> convs = resnet18(c[0], c[1]);
      System.out.printf(
          Locale.ROOT,
          "%nresnet18 %dx%d batch %d (fwd / bwd GFLOP/s, best of %d; bwd = data + weights)%n",
          c[0],
          c[0],
          c[1],
          reps);
      System.out.printf(
          "%-26s %3s | %15s | %15s | %15s%n",
          "convolution", "n", "libnd4j (DL4J)", "oneDNN plain", "oneDNN blocked");
      double[] perIteration = new double[3];
      for (Conv conv : convs) {
        double[][] s = {
          timeLibnd4j(conv.g(), reps),
          timeOneDnn(conv.g(), false, reps),
          timeOneDnn(conv.g(), true, reps)
        };
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < 3; i++) {
          line.append(
              String.format(
                  Locale.ROOT,
                  " | %7.1f %7.1f",
                  conv.g().forwardFlops() / s[i][0] / 1e9,
                  2 * conv.g().forwardFlops() / s[i][1] / 1e9));
          perIteration[i] += conv.count() * (s[i][0] + s[i][1]);
        }
        System.out.printf(Locale.ROOT, "%-26s %3d%s%n", conv.name(), conv.count(), line);
      }
      System.out.printf(
          Locale.ROOT,
          "conv time per training iteration (fwd + bwd): libnd4j %.1f ms, oneDNN plain %.1f ms,"
              + " oneDNN blocked %.1f ms%n",
          perIteration[0] * 1e3,
          perIteration[1] * 1e3,
          perIteration[2] * 1e3);
    }
  }

  static List<Conv> resnet18(int size, int batch) {
    List<Conv> convs = new ArrayList<>();
    int s = (size + 6 - 7) / 2 + 1;
    convs.add(new Conv("stem 7x7/2 3->64", new ConvGeometry(batch, 3, 64, 7, 2, 3, size, size), 1));
    s = (s + 2 - 3) / 2 + 1;
    int in = 64;
    for (int width : new int[] {64, 128, 256, 512}) {
      if (width != in) {
        ConvGeometry down = new ConvGeometry(batch, in, width, 3, 2, 1, s, s);
        convs.add(new Conv(String.format("3x3/2 %d->%d @%d", in, width, s), down, 1));
        convs.add(
            new Conv(
                String.format("1x1/2 %d->%d @%d", in, width, s),
                new ConvGeometry(batch, in, width, 1, 2, 0, s, s),
                1));
        s = down.outHeight();
      }
      convs.add(
          new Conv(
              String.format("3x3 %d->%d @%d", width, width, s),
              new ConvGeometry(batch, width, width, 3, 1, 1, s, s),
              width == in ? 4 : 3));
      in = width;
    }
    return convs;
  }

  /** Median seconds of forward and of backward through libnd4j, as MKLDNNConvHelper calls it. */
  static double[] timeLibnd4j(ConvGeometry g, int reps) {
    INDArray x = Nd4j.randn(DataType.FLOAT, g.batch(), g.inChannels(), g.inHeight(), g.inWidth());
    INDArray w =
        Nd4j.randn(DataType.FLOAT, g.outChannels(), g.inChannels(), g.kernel(), g.kernel());
    INDArray b = Nd4j.zeros(DataType.FLOAT, 1, g.outChannels());
    INDArray y =
        Nd4j.create(DataType.FLOAT, g.batch(), g.outChannels(), g.outHeight(), g.outWidth());
    INDArray dy = Nd4j.randn(DataType.FLOAT, y.shape());
    INDArray dx = Nd4j.create(DataType.FLOAT, x.shape());
    INDArray dw = Nd4j.create(DataType.FLOAT, w.shape());
    OpContext fwd = context(g);
    fwd.setInputArrays(x, w, b);
    fwd.setOutputArrays(y);
    OpContext bwd = context(g);
    bwd.setInputArrays(x, w, dy);
    bwd.setOutputArrays(dx, dw);
    return new double[] {
      best(() -> Nd4j.exec(new Conv2D(), fwd), reps),
      best(() -> Nd4j.exec(new Conv2DDerivative(), bwd), reps)
    };
  }

  private static OpContext context(ConvGeometry g) {
    OpContext context = Nd4j.getExecutioner().buildContext();
    context.setIArguments(
        g.kernel(), g.kernel(), g.stride(), g.stride(), g.pad(), g.pad(), 1, 1, 0, 0, 1);
    return context;
  }

  /** Median seconds of forward and of backward (data + weights) through oneDNN directly. */
  static double[] timeOneDnn(ConvGeometry g, boolean blocked, int reps) {
    OneDnnConvolution conv = new OneDnnConvolution(g, false, blocked);
    INDArray x = Nd4j.randn(DataType.FLOAT, g.batch(), g.inChannels(), g.inHeight(), g.inWidth());
    INDArray w =
        Nd4j.randn(DataType.FLOAT, g.outChannels(), g.inChannels(), g.kernel(), g.kernel());
    INDArray y =
        Nd4j.create(DataType.FLOAT, g.batch(), g.outChannels(), g.outHeight(), g.outWidth());
    INDArray dy = Nd4j.randn(DataType.FLOAT, y.shape());
    INDArray dx = Nd4j.create(DataType.FLOAT, x.shape());
    INDArray dw = Nd4j.create(DataType.FLOAT, w.shape());
    return new double[] {
      best(() -> conv.forward(x, w, null, y), reps),
      best(
          () -> {
            conv.backwardData(dy, w, dx);
            conv.backwardWeights(x, dy, dw, null);
          },
          reps)
    };
  }

  /**
   * The fastest of {@code reps} runs: on a machine shared with other work, OpenMP threads that get
   * descheduled stall whole operations, so the best time is the best estimate of the operation's
   * own cost (the medians were seen to scatter by 10x between neighbouring shapes).
   */
  private static double best(Runnable op, int reps) {
    for (int i = 0; i < 3; i++) {
      op.run();
    }
    double[] t = new double[reps];
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      op.run();
      t[i] = (System.nanoTime() - t0) / 1e9;
    }
    Arrays.sort(t);
    return t[0];
  }
}
