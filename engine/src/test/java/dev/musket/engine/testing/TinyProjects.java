package dev.musket.engine.testing;

import dev.musket.engine.augment.HwcImage;
import dev.musket.engine.augment.opencv.OpenCvImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Pieces of Musket projects small enough to train in seconds, shared by the engine's and the app's
 * tests (the app gets them from the engine's test jar): a project-defined network, tiny grey images
 * of two classes, experiment folders. Each test keeps its own config, so what it trains stays next
 * to what it asserts.
 */
public final class TinyProjects {

  /** {@code @Architecture("TinyNet")}: one strided 3x3 convolution and a ReLU. */
  public static final String TINY_NET = tinyNet("");

  /** The same with a batch normalisation between the convolution and the ReLU. */
  public static final String TINY_NET_WITH_BATCH_NORM =
      tinyNet("\n              x = g.batchNorm(\"bn1\", x, 1e-3, 0.99);");

  /**
   * {@code modules/Scoring.java}: a project loss and two project metrics, Musket's
   * {@code @losses.keras_loss} and {@code @metrics.keras_metric} written in Java.
   *
   * <ul>
   *   <li>{@code @Loss("squared_margin")}: a squared hinge on {0, 1} labels, {@code mean_j max(0, 1
   *       - t (2p - 1))^2} with {@code t = 2y - 1}, as a {@code KerasLoss} (values and gradient
   *       w.r.t. the activated output);
   *   <li>{@code @Metric("project_mae")}: the mean absolute error, on INDArrays (equal to the
   *       built-in {@code mae} on the same predictions);
   *   <li>{@code @Metric(value = "rows_seen", needThreshold = false)}: how many examples it was
   *       given, on plain arrays (the epoch's size, if it really sees the whole epoch).
   * </ul>
   */
  public static final String SCORING_MODULE =
      """
      import dev.musket.engine.api.Loss;
      import dev.musket.engine.api.Metric;
      import dev.musket.engine.train.loss.KerasLoss;
      import org.nd4j.linalg.api.ndarray.INDArray;
      import org.nd4j.linalg.lossfunctions.ILossFunction;
      import org.nd4j.linalg.ops.transforms.Transforms;

      public class Scoring {
        @Loss("squared_margin")
        public static ILossFunction squaredMargin() {
          return new KerasLoss() {
            @Override
            public String kerasName() {
              return "squared_margin";
            }

            @Override
            protected Value evaluate(double[][] y, double[][] p) {
              double[] perExample = new double[p.length];
              double[][] gradient = new double[p.length][];
              for (int i = 0; i < p.length; i++) {
                int k = p[i].length;
                gradient[i] = new double[k];
                for (int j = 0; j < k; j++) {
                  double t = 2 * y[i][j] - 1;
                  double margin = 1 - t * (2 * p[i][j] - 1);
                  if (margin > 0) {
                    perExample[i] += margin * margin / k;
                    gradient[i][j] = -4 * t * margin / k;
                  }
                }
              }
              return new Value(perExample, gradient);
            }
          };
        }

        @Metric("project_mae")
        public static double projectMae(INDArray yTrue, INDArray yPred) {
          return Transforms.abs(yTrue.sub(yPred)).meanNumber().doubleValue();
        }

        @Metric(value = "rows_seen", needThreshold = false)
        public static double rowsSeen(double[][] yTrue, double[][] yPred) {
          return yTrue.length;
        }
      }
      """;

  private TinyProjects() {}

  private static String tinyNet(String afterConv) {
    return """
        import dev.musket.engine.api.Architecture;
        import dev.musket.engine.model.LayerGraph;
        import dev.musket.engine.model.ModelBuilder;
        import dev.musket.engine.model.Padding;

        public class TinyNets {
          @Architecture("TinyNet")
          public static ModelBuilder tinyNet() {
            return new ModelBuilder() {
              @Override
              public String addBackbone(LayerGraph g, String input) {
                String x = g.conv("conv1", input, 4, 3, 2, Padding.SAME, true);%s
                return g.relu("relu1", x);
              }

              @Override
              public int minInputSize() {
                return 8;
              }
            };
          }
        }
        """
        .formatted(afterConv);
  }

  /** Writes {@code source} as {@code modules/TinyNets.java} of {@code project}. */
  public static void writeModule(Path project, String source) throws IOException {
    Files.createDirectories(project.resolve("modules"));
    Files.writeString(project.resolve("modules/TinyNets.java"), source);
  }

  /** Writes {@code source} as {@code modules/<fileName>} of {@code project}. */
  public static void writeModule(Path project, String fileName, String source) throws IOException {
    Files.createDirectories(project.resolve("modules"));
    Files.writeString(project.resolve("modules").resolve(fileName), source);
  }

  /** Writes {@code config} as {@code experiments/<name>/config.yaml}; returns the folder. */
  public static Path experiment(Path project, String name, String config) throws IOException {
    Path experiment = Files.createDirectories(project.resolve("experiments").resolve(name));
    Files.writeString(experiment.resolve("config.yaml"), config);
    return experiment;
  }

  /**
   * How the 16x16 images look: a grey level per class, uniform noise of {@code ±noise}, plus {@code
   * ramp * x} (so a mirrored image differs) and {@code channelStep * c} per channel.
   */
  public record Greys(int bright, int dark, int noise, int ramp, int channelStep) {

    /** Bright 150 or dark 100, noise ±30, no ramp: separable after global pooling. */
    public static final Greys PLAIN = new Greys(150, 100, 30, 0, 0);
  }

  /**
   * Writes {@code perClass} PNGs per class into {@code root/bright/} and {@code root/dark/},
   * drawing the noise from {@code random} (share one to continue a sequence across folders).
   */
  public static void images(Path root, int perClass, Random random, Greys greys)
      throws IOException {
    for (String label : new String[] {"bright", "dark"}) {
      Path folder = Files.createDirectories(root.resolve(label));
      int base = label.equals("bright") ? greys.bright() : greys.dark();
      for (int i = 0; i < perClass; i++) {
        HwcImage image = HwcImage.blank(16, 16, 3);
        for (int y = 0; y < 16; y++) {
          for (int x = 0; x < 16; x++) {
            int v = base + greys.ramp() * x + random.nextInt(2 * greys.noise()) - greys.noise();
            for (int c = 0; c < 3; c++) {
              image.set(y, x, c, v + greys.channelStep() * c);
            }
          }
        }
        Files.write(folder.resolve(label + i + ".png"), OpenCvImages.encode(image, ".png"));
      }
    }
  }
}
