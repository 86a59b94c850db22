package dev.musket.engine.bench;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Interleaved A/B of {@code AugmenterBenchmark} between two builds of the engine, in one JVM (one
 * class loader per build): each round times every transform on each build for a few milliseconds in
 * turn, and the report gives per-image times at the best round, the 10th percentile and the median.
 *
 * <p>Why: on a machine shared with other builds JMH's means move by 2-3x between runs; rounds of a
 * few milliseconds that alternate between A and B see the same load, and the fastest of hundreds of
 * them approximates an idle core. {@code bench/augment-ab.sh} runs it.
 *
 * <p>Arguments: {@code BUILD_A,BUILD_B} (folders holding {@code classes} and {@code test-classes}),
 * {@code TRANSFORM,...} (AugmenterBenchmark's names), rounds, microseconds per round. The class
 * path must hold this class and the engine's dependencies but not the engine (its classes or test
 * classes), or both builds would load the same copy.
 */
public final class AugmenterAbRun {
  private AugmenterAbRun() {}

  public static void main(String[] args) throws Exception {
    String[] builds = args[0].split(",");
    String[] transforms = args[1].split(",");
    int rounds = Integer.parseInt(args[2]);
    long roundNanos = Long.parseLong(args[3]) * 1000;
    Object[][] bench = new Object[builds.length][transforms.length];
    Method[] apply = new Method[builds.length];
    for (int b = 0; b < builds.length; b++) {
      Path dir = Path.of(builds[b]);
      URLClassLoader loader =
          new URLClassLoader(
              new URL[] {
                dir.resolve("classes").toUri().toURL(), dir.resolve("test-classes").toUri().toURL()
              },
              AugmenterAbRun.class.getClassLoader());
      Class<?> type = loader.loadClass("dev.musket.engine.bench.AugmenterBenchmark");
      apply[b] = type.getMethod("apply");
      for (int t = 0; t < transforms.length; t++) {
        Object state = type.getConstructor().newInstance();
        type.getField("transform").set(state, transforms[t]);
        type.getMethod("setUp").invoke(state);
        bench[b][t] = state;
      }
    }
    double[][][] micros = new double[builds.length][transforms.length][rounds];
    Object last = null;
    for (int r = 0; r < rounds; r++) {
      for (int t = 0; t < transforms.length; t++) {
        for (int b = 0; b < builds.length; b++) {
          long start = System.nanoTime();
          long end;
          long n = 0;
          do {
            last = apply[b].invoke(bench[b][t]);
            n++;
            end = System.nanoTime();
          } while (end - start < roundNanos);
          micros[b][t][r] = (end - start) / 1e3 / n;
        }
      }
    }
    System.out.printf(
        "%-20s %-12s %9s %9s %9s %10s%n",
        "transform", "build", "best us", "p10 us", "median", "images/s");
    for (int t = 0; t < transforms.length; t++) {
      for (int b = 0; b < builds.length; b++) {
        // the first half of the rounds is warm-up: a later recompilation can make code slower
        double[] x = Arrays.copyOfRange(micros[b][t], rounds / 2, rounds);
        Arrays.sort(x);
        System.out.printf(
            Locale.ROOT,
            "%-20s %-12s %9.2f %9.2f %9.2f %10.0f%n",
            transforms[t],
            Path.of(builds[b]).getFileName(),
            x[0],
            x[x.length / 10],
            x[x.length / 2],
            1e6 / x[0]);
      }
    }
    if (last == null) {
      throw new IllegalStateException("no image was produced");
    }
  }
}
