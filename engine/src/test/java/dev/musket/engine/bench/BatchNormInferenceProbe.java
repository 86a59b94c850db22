package dev.musket.engine.bench;

import dev.musket.engine.onednn.BatchNormInferenceCandidates;
import dev.musket.engine.runtime.FastDefaults;
import dev.musket.engine.runtime.NativeRuntime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Where a batch-norm layer's inference time goes, per layer shape of the bench networks, and what
 * the alternatives cost: the engine's layer in test mode as a whole (DL4J's preOutput: log10 stdev
 * to variance with ND4J ops, then the helper), the log10-stdev conversion alone, libnd4j's {@code
 * batchnorm} op alone (what the helper calls), reading the four parameter vectors into Java, and
 * the candidates of {@link BatchNormInferenceCandidates} (oneDNN called directly, cached). Each
 * shape is timed with every variant in turn, {@code --reps} times (median), after a warm-up; the
 * totals weigh each shape by how many layers of a network have it. Also prints each candidate's
 * largest difference from the layer's output, relative to the output's largest magnitude.
 *
 * <p>Usage: {@code BatchNormInferenceProbe [--cases a,b] [--reps 30]}
 */
public final class BatchNormInferenceProbe {

  private static final String[] FIXED = {"layer", "logstd ops", "libnd4j op", "read params"};

  private BatchNormInferenceProbe() {}

  public static void main(String[] args) {
    NativeRuntime.initialize();
    String cases = "mobilenet_v2_64_b16,densenet121_64_b16,resnet18_64_b16";
    int reps = 30;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--cases" -> cases = args[i + 1];
        case "--reps" -> reps = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    for (String name : cases.split(",")) {
      BenchCase c = BenchCase.all().get(name);
      probe(c, reps);
    }
  }

  private static void probe(BenchCase c, int reps) {
    ComputationGraph net =
        new ComputationGraph(c.network().configuration(c.size(), BenchCase.CLASSES));
    net.init();
    Nd4j.getRandom().setSeed(0);
    INDArray input = Nd4j.randn(DataType.FLOAT, c.batch(), 3, c.size(), c.size());
    Map<List<Long>, Integer> shapes = new LinkedHashMap<>();
    Map<String, INDArray> acts = net.feedForward(input, false);
    for (Layer layer : net.getLayers()) {
      if (layer instanceof org.deeplearning4j.nn.layers.normalization.BatchNormalization) {
        INDArray a = acts.get(layer.getConfig().getLayerName());
        List<Long> key = new ArrayList<>();
        for (long d : a.shape()) {
          key.add(d);
        }
        shapes.merge(key, 1, Integer::sum);
      }
    }
    double forward = medianForward(net, input, reps);
    System.out.printf(
        Locale.ROOT,
        "%n== %s: %d batch-norm layers, %d shapes; whole forward (net.output) median %.2f ms;"
            + " load %s%n",
        c.name(),
        shapes.values().stream().mapToInt(Integer::intValue).sum(),
        shapes.size(),
        forward,
        load());
    double[] totals = null;
    String[] names = null;
    for (Map.Entry<List<Long>, Integer> e : shapes.entrySet()) {
      long[] shape = e.getKey().stream().mapToLong(Long::longValue).toArray();
      Row row = timeShape(shape, reps);
      if (totals == null) {
        names = row.names;
        totals = new double[names.length];
        StringBuilder header =
            new StringBuilder(String.format(Locale.ROOT, "%-18s %3s", "shape", "n"));
        for (int k = 0; k < names.length; k++) {
          header.append(String.format(Locale.ROOT, " | %8s", "[" + k + "]"));
        }
        System.out.println(header);
      }
      StringBuilder line =
          new StringBuilder(
              String.format(Locale.ROOT, "%-18s %3d", Arrays.toString(shape), e.getValue()));
      for (int k = 0; k < names.length; k++) {
        totals[k] += e.getValue() * row.ms[k];
        line.append(String.format(Locale.ROOT, " | %8.4f", row.ms[k]));
      }
      line.append("   maxreldiff");
      for (double d : row.diffs) {
        line.append(String.format(Locale.ROOT, " %.1e", d));
      }
      System.out.println(line);
    }
    System.out.printf(Locale.ROOT, "totals per forward (ms), load %s:%n", load());
    for (int k = 0; k < names.length; k++) {
      System.out.printf(
          Locale.ROOT,
          "  [%d] %-48s %8.3f ms (%4.1f%% of the forward)%n",
          k,
          names[k],
          totals[k],
          100 * totals[k] / forward);
    }
  }

  private record Row(String[] names, double[] ms, double[] diffs) {}

  private static Row timeShape(long[] shape, int reps) {
    int channels = (int) shape[1];
    boolean dense = shape.length == 2;
    int height = dense ? 1 : (int) shape[2];
    int width = dense ? 1 : (int) shape[3];
    Layer layer = layer(channels);
    Nd4j.getRandom().setSeed(3);
    layer.getParam("gamma").assign(Nd4j.rand(DataType.FLOAT, 1, channels).addi(0.5));
    layer.getParam("beta").assign(Nd4j.randn(DataType.FLOAT, 1, channels));
    layer.getParam("mean").assign(Nd4j.randn(DataType.FLOAT, 1, channels));
    layer.getParam("log10stdev").assign(Nd4j.rand(DataType.FLOAT, 1, channels).subi(0.5));
    INDArray x = Nd4j.randn(DataType.FLOAT, shape[0], channels, height, width).muli(2).addi(0.3);
    INDArray out = Nd4j.createUninitialized(DataType.FLOAT, x.shape());
    LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
    MKLDNNBatchNormHelper helper = new MKLDNNBatchNormHelper(DataType.FLOAT);
    INDArray gamma = layer.getParam("gamma");
    INDArray beta = layer.getParam("beta");
    INDArray mean = layer.getParam("mean");
    INDArray log10s = layer.getParam("log10stdev");
    INDArray var = Transforms.pow(Nd4j.valueArrayOf(log10s.shape(), 10.0, DataType.FLOAT), log10s);
    var.muli(var);
    float[] g = new float[channels];
    float[] b = new float[channels];
    float[] m = new float[channels];
    float[] l = new float[channels];
    List<BatchNormInferenceCandidates.Kernel> kernels =
        BatchNormInferenceCandidates.all((int) shape[0], channels, height, width, 1e-5f);
    List<Runnable> variants = new ArrayList<>();
    List<String> names = new ArrayList<>(Arrays.asList(FIXED));
    variants.add(
        () -> {
          layer.setInput(x, mgr);
          layer.activate(false, mgr);
        });
    variants.add(
        () -> {
          INDArray v =
              Transforms.pow(
                  Nd4j.valueArrayOf(log10s.shape(), 10.0, DataType.FLOAT), log10s, false);
          v.muli(v);
        });
    variants.add(
        () ->
            helper.preOutput(
                x, false, null, gamma, beta, mean, var, 0.9, 1e-5, FastDefaults.DATA_FORMAT, mgr));
    variants.add(
        () -> {
          BatchNormInferenceCandidates.read(gamma, g);
          BatchNormInferenceCandidates.read(beta, b);
          BatchNormInferenceCandidates.read(mean, m);
          BatchNormInferenceCandidates.read(log10s, l);
        });
    for (BatchNormInferenceCandidates.Kernel k : kernels) {
      names.add(k.name());
      variants.add(() -> k.apply(x, g, b, m, l, out));
    }
    // reference output and each candidate's difference from it
    layer.setInput(x, mgr);
    INDArray expected = layer.activate(false, mgr).dup();
    variants.get(3).run();
    double scale = expected.amaxNumber().doubleValue();
    double[] diffs = new double[kernels.size()];
    for (int k = 0; k < kernels.size(); k++) {
      kernels.get(k).apply(x, g, b, m, l, out);
      // the ReLU variant is compared with the layer's output after a ReLU
      INDArray ref =
          kernels.get(k).name().contains("relu") ? Transforms.relu(expected, true) : expected;
      diffs[k] = out.sub(ref).amaxNumber().doubleValue() / scale;
    }
    double[][] times = new double[variants.size()][reps];
    for (int r = -5; r < reps; r++) {
      for (int v = 0; v < variants.size(); v++) {
        long t0 = System.nanoTime();
        variants.get(v).run();
        long t1 = System.nanoTime();
        if (r >= 0) {
          times[v][r] = (t1 - t0) / 1e6;
        }
      }
    }
    double[] ms = new double[variants.size()];
    for (int v = 0; v < variants.size(); v++) {
      Arrays.sort(times[v]);
      ms[v] = times[v][reps / 2];
    }
    return new Row(names.toArray(String[]::new), ms, diffs);
  }

  private static double medianForward(ComputationGraph net, INDArray input, int reps) {
    double[] t = new double[reps];
    for (int r = -5; r < reps; r++) {
      long t0 = System.nanoTime();
      net.output(false, input);
      if (r >= 0) {
        t[r] = (System.nanoTime() - t0) / 1e6;
      }
    }
    Arrays.sort(t);
    return t[reps / 2];
  }

  private static String load() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  private static Layer layer(int channels) {
    ComputationGraphConfiguration conf =
        FastDefaults.builder()
            .updater(new Adam(1e-3))
            .graphBuilder()
            .addInputs("in")
            .setInputTypes(InputType.convolutional(4, 4, channels, FastDefaults.DATA_FORMAT))
            .addLayer(
                "bn",
                FastDefaults.batchNormalization(
                    new BatchNormalization.Builder().eps(1e-5).decay(0.9)),
                "in")
            .addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "bn")
            .addLayer(
                "out",
                new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(2).build(),
                "gap")
            .setOutputs("out")
            .build();
    ComputationGraph net = new ComputationGraph(conf);
    net.init();
    return net.getLayer("bn");
  }
}
