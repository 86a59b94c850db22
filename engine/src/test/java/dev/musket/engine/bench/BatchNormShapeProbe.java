package dev.musket.engine.bench;

import dev.musket.engine.runtime.FastDefaults;
import dev.musket.engine.runtime.NativeRuntime;
import java.util.Locale;
import java.util.function.Function;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Times one batch-norm layer alone at every ResNet-18 shape, DL4J's layer (its oneDNN helper
 * through libnd4j) against the engine's ({@link FastDefaults#batchNormalization}): training
 * forward, backward (including DL4J's moving-statistics update, which both share) and inference
 * forward, best of {@code --reps} after a warm-up, interleaved so that both suffer the same load.
 * Calls the layer directly (no workspaces), so the figures are the layer's own cost.
 *
 * <p>Usage: {@code BatchNormShapeProbe [--reps 30] [--size 64] [--batch 16]}
 */
public final class BatchNormShapeProbe {

  private BatchNormShapeProbe() {}

  public static void main(String[] args) {
    NativeRuntime.initialize();
    int reps = 30;
    int size = 64;
    int batch = 16;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--reps" -> reps = Integer.parseInt(args[i + 1]);
        case "--size" -> size = Integer.parseInt(args[i + 1]);
        case "--batch" -> batch = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    // ResNet-18's batch norms: {channels, spatial size, count per iteration}
    int[][] shapes = {
      {64, size / 2, 1},
      {64, size / 4, 4},
      {128, size / 8, 5},
      {256, size / 16, 5},
      {512, size / 32, 5}
    };
    System.out.printf(
        Locale.ROOT,
        "batch norm, batch %d, %dx%d input; best of %d, ms per call (train fwd / bwd / infer fwd)%n",
        batch,
        size,
        size,
        reps);
    System.out.printf(
        Locale.ROOT,
        "%-16s %2s | %-22s | %-22s%n",
        "shape",
        "n",
        "DL4J (libnd4j)",
        "engine (oneDNN)");
    double[] totals = new double[2];
    for (int[] s : shapes) {
      int channels = s[0];
      int spatial = Math.max(1, s[1]);
      double[][] best = new double[2][3];
      Layer[] layers = {
        layer(channels, BatchNormalization.Builder::build),
        layer(channels, FastDefaults::batchNormalization)
      };
      Nd4j.getRandom().setSeed(1);
      INDArray x = Nd4j.randn(DataType.FLOAT, batch, channels, spatial, spatial);
      INDArray eps = Nd4j.randn(DataType.FLOAT, batch, channels, spatial, spatial);
      for (double[] b : best) {
        java.util.Arrays.fill(b, Double.MAX_VALUE);
      }
      for (int r = 0; r < reps + 5; r++) {
        for (int impl = 0; impl < 2; impl++) {
          double[] t = time(layers[impl], x, eps);
          if (r >= 5) {
            for (int k = 0; k < 3; k++) {
              best[impl][k] = Math.min(best[impl][k], t[k]);
            }
          }
        }
      }
      for (int impl = 0; impl < 2; impl++) {
        totals[impl] += s[2] * (best[impl][0] + best[impl][1]);
      }
      System.out.printf(
          Locale.ROOT,
          "%4dx%-3dx%-3dx%-3d %2d | %6.3f %6.3f %6.3f   | %6.3f %6.3f %6.3f%n",
          batch,
          channels,
          spatial,
          spatial,
          s[2],
          best[0][0],
          best[0][1],
          best[0][2],
          best[1][0],
          best[1][1],
          best[1][2]);
    }
    System.out.printf(
        Locale.ROOT,
        "batch-norm time per training iteration (fwd + bwd, all %d layers): DL4J %.2f ms, engine"
            + " %.2f ms%n",
        20,
        totals[0],
        totals[1]);
  }

  /** Milliseconds of one training forward, one backward and one inference forward. */
  private static double[] time(Layer layer, INDArray x, INDArray eps) {
    LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
    long t0 = System.nanoTime();
    layer.setInput(x, mgr);
    layer.activate(true, mgr);
    long t1 = System.nanoTime();
    layer.backpropGradient(eps, mgr);
    long t2 = System.nanoTime();
    layer.setInput(x, mgr);
    layer.activate(false, mgr);
    long t3 = System.nanoTime();
    return new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6};
  }

  private static Layer layer(
      int channels, Function<BatchNormalization.Builder, BatchNormalization> make) {
    ComputationGraphConfiguration conf =
        FastDefaults.builder()
            .updater(new Adam(1e-3))
            .graphBuilder()
            .addInputs("in")
            .setInputTypes(InputType.convolutional(4, 4, channels, FastDefaults.DATA_FORMAT))
            .addLayer("bn", make.apply(new BatchNormalization.Builder().eps(1e-5).decay(0.9)), "in")
            .addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "bn")
            .addLayer(
                "out",
                new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(2).build(),
                "gap")
            .setOutputs("out")
            .build();
    ComputationGraph net = new ComputationGraph(conf);
    net.init();
    net.initGradientsView();
    return net.getLayer("bn");
  }
}
