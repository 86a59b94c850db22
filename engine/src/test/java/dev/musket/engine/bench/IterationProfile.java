package dev.musket.engine.bench;

import dev.musket.engine.model.LayerGraph;
import dev.musket.engine.model.ModelAssembler;
import dev.musket.engine.model.ModelBuilder;
import dev.musket.engine.model.ModelRegistry;
import dev.musket.engine.model.ModelSpec;
import dev.musket.engine.model.Padding;
import dev.musket.engine.runtime.NativeRuntime;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A training loop to profile (run it under JFR, then {@code bench/profile-report.py}): trains one
 * network on a fixed random batch for a given time after a warm-up and prints the iteration times.
 * Cases: the {@code bench/run} cases ({@code small_cnn_64_b32}, {@code resnet18_64_b16}, ...) and
 * {@code peer_fashion_28_b64}, the fashion-mnist sample's {@code PeerSmallCNN} built by the
 * engine's own model assembler exactly as {@code musket fit} builds it (28x28x1, batch 64, Musket's
 * head, Adam 1e-3).
 *
 * <p>Usage: {@code IterationProfile --case NAME [--warmup 10] [--seconds 20] [--mode train|infer]};
 * {@code infer} profiles the forward pass in test mode, as {@code bench/run} measures inference.
 */
public final class IterationProfile {

  private IterationProfile() {}

  public static void main(String[] args) {
    NativeRuntime.initialize();
    String name = "resnet18_64_b16";
    int warmup = 10;
    double seconds = 20;
    boolean infer = false;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--case" -> name = args[i + 1];
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
        case "--mode" -> infer = inferMode(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Setup setup = setup(name);
    ComputationGraph net = new ComputationGraph(setup.conf().get());
    net.init();
    Nd4j.getRandom().setSeed(0);
    INDArray x =
        Nd4j.randn(DataType.FLOAT, setup.batch(), setup.channels(), setup.size(), setup.size());
    INDArray y = Nd4j.zeros(DataType.FLOAT, setup.batch(), BenchCase.CLASSES);
    for (int i = 0; i < setup.batch(); i++) {
      y.putScalar(i, Nd4j.getRandom().nextInt(BenchCase.CLASSES), 1f);
    }
    DataSet batch = new DataSet(x, y);
    Runnable iteration = infer ? () -> net.output(false, x) : () -> net.fit(batch);
    for (int i = 0; i < warmup; i++) {
      iteration.run();
    }
    long end = System.nanoTime() + (long) (seconds * 1e9);
    double[] times = new double[100_000];
    int n = 0;
    while (System.nanoTime() < end && n < times.length) {
      long t0 = System.nanoTime();
      iteration.run();
      times[n++] = (System.nanoTime() - t0) / 1e6;
    }
    double[] sorted = Arrays.copyOf(times, n);
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "PROFILE %s %s iterations=%d median_ms=%.2f min_ms=%.2f img_s=%.1f%n",
        name,
        infer ? "infer" : "train",
        n,
        sorted[n / 2],
        sorted[0],
        setup.batch() * 1000 / sorted[n / 2]);
  }

  private static boolean inferMode(String mode) {
    return switch (mode) {
      case "train" -> false;
      case "infer" -> true;
      default -> throw new IllegalArgumentException("--mode is train or infer, not " + mode);
    };
  }

  private record Setup(
      Supplier<ComputationGraphConfiguration> conf, int size, int channels, int batch) {}

  private static Setup setup(String name) {
    if (name.equals("peer_fashion_28_b64")) {
      ModelRegistry registry = ModelRegistry.standard().register("PeerSmallCNN", peerSmallCnn());
      ModelSpec spec =
          ModelSpec.builder("PeerSmallCNN")
              .shape(28, 28, 1)
              .classes(BenchCase.CLASSES)
              .activation("softmax")
              .build();
      return new Setup(() -> new ModelAssembler(registry).configuration(spec), 28, 1, 64);
    }
    BenchCase c = BenchCase.all().get(name);
    if (c == null) {
      throw new IllegalArgumentException("unknown case " + name);
    }
    return new Setup(
        () -> c.network().configuration(c.size(), BenchCase.CLASSES), c.size(), 3, c.batch());
  }

  /** sample-projects/fashion-mnist/modules/FashionNets.peerSmallCnn, layer for layer. */
  private static ModelBuilder peerSmallCnn() {
    return new ModelBuilder() {
      @Override
      public String addBackbone(LayerGraph g, String input) {
        String x = g.relu("conv1_relu", g.conv("conv1", input, 32, 3, 1, Padding.SAME, true));
        x = g.maxPool("pool1", x, 2, 2, Padding.VALID);
        x = g.relu("conv2_relu", g.conv("conv2", x, 64, 3, 1, Padding.SAME, true));
        x = g.maxPool("pool2", x, 2, 2, Padding.VALID);
        return g.relu("conv3_relu", g.conv("conv3", x, 128, 3, 1, Padding.SAME, true));
      }

      @Override
      public int minInputSize() {
        return 8;
      }
    };
  }
}
