package dev.musket.engine.bench;

import dev.musket.engine.augment.AugmentSeeds;
import dev.musket.engine.augment.AugmenterTreeBuilder;
import dev.musket.engine.augment.HwcImage;
import dev.musket.engine.augment.YamlTrees;
import dev.musket.engine.augment.opencv.OpenCvImages;
import dev.musket.engine.data.ImagePipeline;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The loader's per-item work on one thread (images per second per core): decode a 224x224x3 PNG
 * from memory, resize to the model's 192x192, then the augmentation {@code Fliplr: 0.5} + {@code
 * Affine} (rotate, scale, translate). The iterator adds only batching (NCHW float copy) on top.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class LoaderBenchmark {
  private byte[] png;
  private ImagePipeline pipeline;
  private long item;

  @Setup
  public void setUp() {
    png = OpenCvImages.encodePng(BenchImages.photoLike(224, 224));
    var aug =
        new AugmenterTreeBuilder(Path.of("."))
            .build(
                YamlTrees.parse(
                    "Fliplr: 0.5\n"
                        + "Affine: {rotate: [-20, 20], scale: [0.9, 1.1],"
                        + " translate_percent: [-0.1, 0.1]}\n",
                    Path.of("bench.yaml")))
            .orThrow();
    pipeline = new ImagePipeline(192, 192, 3, false, ImagePipeline.NONE, aug);
  }

  @Benchmark
  public HwcImage decodeResizeFlipAffine() {
    HwcImage decoded = OpenCvImages.decode(png).orElseThrow();
    return pipeline.prepare(decoded, true, AugmentSeeds.streamFor(1, 0, item++));
  }

  @Benchmark
  public HwcImage decodeOnly() {
    return OpenCvImages.decode(png).orElseThrow();
  }
}
