package dev.musket.engine.bench;

import java.util.Arrays;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training and inference images/s of one case, measured as the peer measures: a fixed random normal
 * batch with random labels, {@code warmup} untimed iterations, then the median of {@code
 * iterations} timed ones. A training iteration is forward, loss, backward and the Adam update
 * ({@code fit}); an inference iteration is a forward pass in test mode.
 */
final class ThroughputBenchmark {

  /**
   * @param trainImagesPerSecond batch / median training iteration time
   * @param inferImagesPerSecond batch / median inference iteration time
   * @param trainForeignCpu share of the CPUs other processes used while training was timed
   * @param inferForeignCpu the same while inference was timed
   */
  record Result(
      double trainImagesPerSecond,
      double inferImagesPerSecond,
      double trainForeignCpu,
      double inferForeignCpu,
      double trainMedianSeconds,
      double inferMedianSeconds,
      double trainMinSeconds,
      double inferMinSeconds) {}

  private final int warmup;
  private final int iterations;

  ThroughputBenchmark(int warmup, int iterations) {
    this.warmup = warmup;
    this.iterations = iterations;
  }

  Result measure(BenchCase benchCase) {
    ComputationGraph net =
        new ComputationGraph(
            benchCase.network().configuration(benchCase.size(), BenchCase.CLASSES));
    net.init();
    Nd4j.getRandom().setSeed(0);
    INDArray x =
        Nd4j.randn(
            org.nd4j.linalg.api.buffer.DataType.FLOAT,
            benchCase.batch(),
            3L,
            benchCase.size(),
            benchCase.size());
    INDArray y = Nd4j.zeros(benchCase.batch(), BenchCase.CLASSES);
    for (int i = 0; i < benchCase.batch(); i++) {
      y.putScalar(i, Nd4j.getRandom().nextInt(BenchCase.CLASSES), 1f);
    }
    DataSet batch = new DataSet(x, y);

    CpuContention[] contention = new CpuContention[1];
    double[] train = sortedSeconds(() -> net.fit(batch), contention);
    double trainForeign = contention[0].foreignFraction();
    double[] infer = sortedSeconds(() -> net.output(false, x), contention);
    double inferForeign = contention[0].foreignFraction();
    double trainMedian = median(train);
    double inferMedian = median(infer);
    return new Result(
        benchCase.batch() / trainMedian,
        benchCase.batch() / inferMedian,
        trainForeign,
        inferForeign,
        trainMedian,
        inferMedian,
        train[0],
        infer[0]);
  }

  private double[] sortedSeconds(Runnable iteration, CpuContention[] contention) {
    for (int i = 0; i < warmup; i++) {
      iteration.run();
    }
    contention[0] = new CpuContention();
    double[] seconds = new double[iterations];
    for (int i = 0; i < iterations; i++) {
      long t0 = System.nanoTime();
      iteration.run();
      seconds[i] = (System.nanoTime() - t0) / 1e9;
    }
    Arrays.sort(seconds);
    return seconds;
  }

  /** The median as Python's statistics.median computes it (the peer's). */
  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
