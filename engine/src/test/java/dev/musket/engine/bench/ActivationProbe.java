package dev.musket.engine.bench;

import dev.musket.engine.runtime.FastDefaults;
import dev.musket.engine.runtime.NativeRuntime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where a bench case's activation time goes: for every distinct activation layer of the case's
 * network (shape and function read from its configuration), the training-forward and the backprop
 * time of DL4J's {@code ActivationLayer} against the engine's ({@code FastDefaults.activation}:
 * oneDNN element-wise primitives), timed alternately in one process so both see the same load, best
 * of the repetitions. Both run inside workspaces set up as a ComputationGraph sets up its own
 * (learned once, then reused), so allocations cost what they cost in training.
 *
 * <p>Usage: {@code ActivationProbe [--case mobilenet_v2_64_b16] [--reps 30]}, or {@code bench/run
 * --act-probe}.
 */
public final class ActivationProbe {

  private ActivationProbe() {}

  /** One distinct activation of the network: the function and the shape of one example. */
  record Site(IActivation function, InputType type) {}

  public static void main(String[] args) {
    NativeRuntime.initialize();
    String caseName = "mobilenet_v2_64_b16";
    int reps = 30;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--case" -> caseName = args[i + 1];
        case "--reps" -> reps = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    BenchCase benchCase = BenchCase.all().get(caseName);
    if (benchCase == null) {
      throw new IllegalArgumentException(
          "no bench case '" + caseName + "'; known: " + BenchCase.all().keySet());
    }
    Map<Site, Integer> sites = sites(benchCase);
    System.out.printf(
        Locale.ROOT,
        "%s activation layers (ms, best of %d; fwd = training forward, bwd = backprop)%n",
        caseName,
        reps);
    System.out.printf(
        Locale.ROOT,
        "%-24s %3s | %17s | %17s | %s%n",
        "function shape",
        "n",
        "DL4J fwd    bwd",
        "engine fwd    bwd",
        "speed-up");
    double[] totals = new double[4];
    for (var entry : sites.entrySet()) {
      Site site = entry.getKey();
      int n = entry.getValue();
      ActivationLayer.Builder builder = new ActivationLayer.Builder().activation(site.function());
      Layer dl4j = instantiate(builder.build());
      Layer engine = instantiate(FastDefaults.activation(builder));
      long[] shape = site.type().getShape(true);
      shape[0] = benchCase.batch();
      INDArray x = Nd4j.randn(DataType.FLOAT, shape).muli(3);
      INDArray eps = Nd4j.randn(DataType.FLOAT, shape);
      double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
      LayerWorkspaceMgr workspaces = workspaces();
      for (int r = 0; r < reps + 3; r++) {
        double[] a = time(dl4j, x, eps, workspaces);
        double[] b = time(engine, x, eps, workspaces);
        if (r >= 3) {
          best[0] = Math.min(best[0], a[0]);
          best[1] = Math.min(best[1], a[1]);
          best[2] = Math.min(best[2], b[0]);
          best[3] = Math.min(best[3], b[1]);
        }
      }
      for (int k = 0; k < 4; k++) {
        totals[k] += n * best[k];
      }
      System.out.printf(
          Locale.ROOT,
          "%-24s %3d | %8.3f %8.3f | %8.3f %8.3f | %5.1fx%n",
          site.function() + " " + site.type().toString().replaceAll("InputType", ""),
          n,
          best[0] * 1e3,
          best[1] * 1e3,
          best[2] * 1e3,
          best[3] * 1e3,
          (best[0] + best[1]) / (best[2] + best[3]));
    }
    System.out.printf(
        Locale.ROOT,
        "activation time per training iteration: DL4J fwd %.1f + bwd %.1f = %.1f ms, engine fwd"
            + " %.1f + bwd %.1f = %.1f ms (%.1fx)%n",
        totals[0] * 1e3,
        totals[1] * 1e3,
        (totals[0] + totals[1]) * 1e3,
        totals[2] * 1e3,
        totals[3] * 1e3,
        (totals[2] + totals[3]) * 1e3,
        (totals[0] + totals[1]) / (totals[2] + totals[3]));
  }

  /** Every activation layer of the case's network, grouped by function and shape, in order. */
  private static Map<Site, Integer> sites(BenchCase benchCase) {
    ComputationGraphConfiguration conf =
        benchCase.network().configuration(benchCase.size(), BenchCase.CLASSES);
    InputType input =
        InputType.convolutional(benchCase.size(), benchCase.size(), 3, FastDefaults.DATA_FORMAT);
    Map<String, InputType> types = conf.getLayerActivationTypes(input);
    Map<Site, Integer> sites = new LinkedHashMap<>();
    for (Map.Entry<String, GraphVertex> entry : conf.getVertices().entrySet()) {
      String name = entry.getKey();
      if (entry.getValue() instanceof LayerVertex layer
          && layer.getLayerConf().getLayer() instanceof ActivationLayer activation) {
        sites.merge(new Site(activation.getActivationFn(), types.get(name)), 1, Integer::sum);
      }
    }
    return sites;
  }

  /** Seconds for one training forward and one backprop, each in its workspace as in training. */
  private static double[] time(Layer layer, INDArray x, INDArray eps, LayerWorkspaceMgr ws) {
    try (MemoryWorkspace act = ws.notifyScopeEntered(ArrayType.ACTIVATIONS);
        MemoryWorkspace grad = ws.notifyScopeEntered(ArrayType.ACTIVATION_GRAD)) {
      long t0 = System.nanoTime();
      layer.setInput(x, ws);
      layer.activate(true, ws);
      long t1 = System.nanoTime();
      layer.backpropGradient(eps, ws);
      long t2 = System.nanoTime();
      return new double[] {(t1 - t0) / 1e9, (t2 - t1) / 1e9};
    }
  }

  /** Activations and their gradients in workspaces configured as ComputationGraph's. */
  private static LayerWorkspaceMgr workspaces() {
    WorkspaceConfiguration conf =
        WorkspaceConfiguration.builder()
            .initialSize(0)
            .overallocationLimit(0.02)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policySpill(SpillPolicy.REALLOCATE)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .build();
    return LayerWorkspaceMgr.builder()
        .with(ArrayType.ACTIVATIONS, "PROBE_ACT", conf)
        .with(ArrayType.ACTIVATION_GRAD, "PROBE_GRAD", conf)
        .noWorkspaceFor(ArrayType.INPUT)
        .build();
  }

  private static Layer instantiate(org.deeplearning4j.nn.conf.layers.Layer conf) {
    NeuralNetConfiguration c =
        new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).layer(conf).build();
    return c.getLayer().instantiate(c, null, 0, null, false, DataType.FLOAT);
  }
}
