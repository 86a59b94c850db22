package dev.musket.engine.bench;

import dev.musket.engine.augment.AugmenterTreeBuilder;
import dev.musket.engine.augment.HwcImage;
import dev.musket.engine.augment.YamlTrees;
import dev.musket.engine.augment.opencv.OpenCvImages;
import dev.musket.engine.data.AugmentedBatchIterator;
import dev.musket.engine.data.DataSet;
import dev.musket.engine.data.ImagePipeline;
import dev.musket.engine.data.LoaderSettings;
import dev.musket.engine.data.PredictionItem;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole loader: {@link AugmentedBatchIterator} serving epochs of 256 items (224x224x3 PNGs
 * decoded from memory, resized to 192x192, Fliplr + Affine, packed as NCHW batches of 32) with
 * {@code threads} workers. The score is images per second for the whole process.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class IteratorBenchmark {
  static final int ITEMS = 256;

  @Param({"1", "2"})
  public int threads;

  private AugmentedBatchIterator iterator;

  @Setup
  public void setUp() {
    byte[] png = OpenCvImages.encodePng(BenchImages.photoLike(224, 224));
    DataSet ds =
        new DataSet() {
          public int size() {
            return ITEMS;
          }

          public PredictionItem item(int i) {
            HwcImage x = OpenCvImages.decode(png).orElseThrow();
            return new PredictionItem(id(i), x, target(i));
          }

          public String id(int i) {
            return Integer.toString(i);
          }

          public float[][] target(int i) {
            float[] t = new float[10];
            t[i % 10] = 1;
            return new float[][] {t};
          }

          public List<List<String>> classNames() {
            return List.of(IntStream.range(0, 10).mapToObj(Integer::toString).toList());
          }
        };
    var aug =
        new AugmenterTreeBuilder(Path.of("."))
            .build(
                YamlTrees.parse(
                    "Fliplr: 0.5\nAffine: {rotate: [-20, 20], scale: [0.9, 1.1]}",
                    Path.of("bench.yaml")))
            .orThrow();
    iterator =
        new AugmentedBatchIterator(
            ds,
            IntStream.range(0, ITEMS).toArray(),
            new ImagePipeline(192, 192, 3, false, ImagePipeline.NONE, aug),
            new LoaderSettings(32, threads, 2, true, 1));
  }

  @TearDown
  public void tearDown() {
    iterator.close();
  }

  @Benchmark
  @OperationsPerInvocation(ITEMS)
  public long epoch() {
    iterator.reset();
    long sum = 0;
    while (iterator.hasNext()) {
      sum += iterator.next().getFeatures(0).length();
    }
    return sum;
  }
}
