package dev.musket.engine.bench;

import dev.musket.engine.runtime.NativeRuntime;
import dev.musket.engine.runtime.RuntimeReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The engine side of {@code bench/run}: measures the named cases (default: all) and prints one JSON
 * line per case in the peer's field names ({@code case}, {@code train_img_s}, {@code infer_img_s},
 * ...), so one script can put both sides in one table. Peak RSS is this process's {@code VmHWM};
 * run one case per JVM to attribute it to that case.
 *
 * <p>Usage: {@code BenchMain [--cases a,b] [--warmup 5] [--iters 20] [--iters-224 20]}
 */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) throws IOException {
    RuntimeReport runtime = NativeRuntime.initialize();
    Map<String, BenchCase> known = BenchCase.all();
    List<String> cases = new ArrayList<>(known.keySet());
    int warmup = 5;
    int iters = 20;
    int iters224 = 20;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--cases" -> cases = List.of(args[i + 1].split(","));
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        case "--iters" -> iters = Integer.parseInt(args[i + 1]);
        case "--iters-224" -> iters224 = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    for (String name : cases) {
      BenchCase benchCase = known.get(name);
      if (benchCase == null) {
        throw new IllegalArgumentException("unknown case " + name + "; known: " + known.keySet());
      }
      int n = benchCase.size() >= 224 ? iters224 : iters;
      var result = new ThroughputBenchmark(warmup, n).measure(benchCase);
      System.out.println(json(benchCase, runtime, result, warmup, n));
    }
  }

  private static String json(
      BenchCase c, RuntimeReport runtime, ThroughputBenchmark.Result r, int warmup, int iters)
      throws IOException {
    return String.format(
        Locale.ROOT,
        "{\"kind\": \"model\", \"side\": \"engine\", \"case\": \"%s\", \"conv\": \"%s\","
            + " \"bn\": \"%s\", \"depthwise\": \"%s\", \"pool\": \"%s\", \"act\": \"%s\","
            + " \"batch\": %d,"
            + " \"threads\": %d, \"native_build\": \"%s\", \"layer_helpers\": %b,"
            + " \"warmup\": %d, \"iters\": %d, \"train_img_s\": %.3f, \"infer_img_s\": %.3f,"
            + " \"train_median_s\": %.5f, \"infer_median_s\": %.5f,"
            + " \"train_min_s\": %.5f, \"infer_min_s\": %.5f,"
            + " \"train_contention\": {\"foreign_cpu_frac\": %.4f},"
            + " \"infer_contention\": {\"foreign_cpu_frac\": %.4f}, \"peak_rss_mib\": %.1f}",
        c.name(),
        GraphSketch.ONEDNN_CONV ? "onednn" : "dl4j",
        GraphSketch.ONEDNN_BN ? "onednn" : "dl4j",
        GraphSketch.ONEDNN_DEPTHWISE ? "onednn" : "dl4j",
        GraphSketch.ONEDNN_POOL ? "onednn" : "dl4j",
        GraphSketch.ONEDNN_ACT ? "onednn" : "dl4j",
        c.batch(),
        runtime.threads(),
        runtime.nativeBuild(),
        runtime.layerHelpersActive(),
        warmup,
        iters,
        r.trainImagesPerSecond(),
        r.inferImagesPerSecond(),
        r.trainMedianSeconds(),
        r.inferMedianSeconds(),
        r.trainMinSeconds(),
        r.inferMinSeconds(),
        r.trainForeignCpu(),
        r.inferForeignCpu(),
        peakRssMib());
  }

  private static double peakRssMib() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    return -1;
  }
}
