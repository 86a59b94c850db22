package dev.musket.engine.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads {@code weights: imagenet} from a local folder; nothing is ever downloaded.
 *
 * <p>The folder is {@code $MUSKET_WEIGHTS}, else {@code ~/.musket/weights}. The file for an
 * architecture is {@code <name in lower case>.zip} or the DL4J model zoo's file name: a DL4J {@code
 * ComputationGraph} zip (ModelSerializer) whose layers carry this engine's, the zoo's or Keras'
 * names ({@link Dl4jWeightsImporter}); or a Keras {@code .h5} file ({@link KerasWeightsImporter}).
 * Encoder layers are copied; the head is never copied. When the input has another channel count
 * than the file (C != 3), the parameters over input channels (the first convolution, ResNet's input
 * batch norm) are adapted as Musket does: existing channels are copied, extra channels get zeros,
 * or with {@code copyWeights} the kernel of channel 2 (blue). See {@code
 * docs/pretrained-weights.md}.
 */
public final class PretrainedWeights {

  /** The environment variable naming the weights folder. */
  public static final String ENVIRONMENT_VARIABLE = "MUSKET_WEIGHTS";

  private static final Logger log = LoggerFactory.getLogger(PretrainedWeights.class);
  private static final int IMAGE_CHANNELS = 3;
  private static final int BLUE = 2;

  private final Path folder;

  public PretrainedWeights(Path folder) {
    this.folder = folder;
  }

  /** The folder named by {@code $MUSKET_WEIGHTS}, else {@code ~/.musket/weights}. */
  public static PretrainedWeights fromEnvironment() {
    String env = System.getenv(ENVIRONMENT_VARIABLE);
    if (env != null && !env.isBlank()) {
      return new PretrainedWeights(Path.of(env));
    }
    return new PretrainedWeights(Path.of(System.getProperty("user.home"), ".musket", "weights"));
  }

  public Path folder() {
    return folder;
  }

  /** The file this folder must hold for an architecture's ImageNet weights (DL4J zip). */
  public Path fileFor(String architecture) {
    return folder.resolve(architecture.toLowerCase(Locale.ROOT) + ".zip");
  }

  /**
   * The Keras weights file this folder may hold instead: {@code <name>.h5} or {@code
   * <name>_notop.h5}.
   */
  public List<Path> kerasFilesFor(String architecture) {
    String base = architecture.toLowerCase(Locale.ROOT);
    return List.of(folder.resolve(base + ".h5"), folder.resolve(base + "_notop.h5"));
  }

  /** Writes a network's parameters in the format {@link #load} reads (for conversions, tests). */
  public static void save(ComputationGraph network, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    ModelSerializer.writeModel(network, file.toFile(), false);
  }

  /**
   * The DL4J model zoo's file this folder may hold instead of {@link #fileFor}, under the name the
   * zoo publishes it (e.g. {@code resnet50_dl4j_inference.v3.zip}); empty when the zoo has none.
   */
  public Optional<Path> zooFileFor(String architecture) {
    return Dl4jZooFiles.fileName(architecture).map(folder::resolve);
  }

  /**
   * Copies the pretrained encoder parameters into {@code target}, built from {@code spec}, from the
   * first file present: {@code <name>.zip}, the zoo's file, {@code <name>.h5}, {@code
   * <name>_notop.h5}.
   */
  public void load(
      ComputationGraph target, String architecture, ModelBuilder builder, ModelSpec spec) {
    if (!"imagenet".equalsIgnoreCase(spec.weights().trim())) {
      throw new IllegalArgumentException(
          "weights '" + spec.weights() + "' are not supported; use imagenet or leave weights out");
    }
    List<Path> zips = new ArrayList<>();
    zips.add(fileFor(architecture));
    zooFileFor(architecture).ifPresent(zips::add);
    for (Path zip : zips) {
      if (Files.isRegularFile(zip)) {
        WeightsNaming naming =
            Dl4jWeightsImporter.copyEncoder(read(zip), target, builder, spec.copyWeights());
        log.info(
            "loaded {} weights from {} ({} layer names)", architecture, zip, naming.description());
        return;
      }
    }
    for (Path keras : kerasFilesFor(architecture)) {
      if (Files.isRegularFile(keras)) {
        KerasWeightsImporter.copyInto(
            KerasWeightsFile.read(keras), target, builder, spec.copyWeights());
        log.info("loaded {} weights from Keras file {}", architecture, keras);
        return;
      }
    }
    throw new MissingWeightsException(
        "no ImageNet weights for "
            + architecture
            + ": put the file "
            + fileFor(architecture).getFileName()
            + " in "
            + folder.toAbsolutePath()
            + zooFileFor(architecture)
                .map(zoo -> " (or the DL4J model zoo's " + zoo.getFileName() + ", or")
                .orElse(" (or")
            + " Keras' weights as "
            + kerasFilesFor(architecture).get(0).getFileName()
            + "; set $"
            + ENVIRONMENT_VARIABLE
            + " to use another folder; see docs/pretrained-weights.md)");
  }

  private static ComputationGraph read(Path zip) {
    try {
      return ModelSerializer.restoreComputationGraph(zip.toFile(), false);
    } catch (IOException | RuntimeException e) {
      throw new MissingWeightsException(
          "cannot read weights file "
              + zip
              + " (a DL4J ComputationGraph zip is expected): "
              + e.getMessage(),
          e);
    }
  }

  static void copyParam(String name, INDArray from, INDArray to, boolean copyBlue) {
    long[] a = from.shape();
    long[] b = to.shape();
    if (Arrays.equals(a, b)) {
      to.assign(from);
      return;
    }
    if (!differsOnlyInInputChannels(a, b)) {
      throw new MissingWeightsException(
          "the weights file does not match this architecture: "
              + name
              + " have shape "
              + Arrays.toString(a)
              + ", the network needs "
              + Arrays.toString(b));
    }
    int axis = channelAxis(a);
    long shared = Math.min(a[axis], b[axis]);
    channels(to, axis, 0, shared).assign(channels(from, axis, 0, shared));
    boolean kernel = a.length == 4 && a[0] > 1;
    for (long c = shared; c < b[axis]; c++) {
      INDArray extra = channels(to, axis, c, c + 1);
      if (copyBlue) {
        extra.assign(channels(from, axis, BLUE, BLUE + 1));
      } else if (kernel) {
        extra.assign(0);
      }
      // other per-channel parameters (input batch norm) keep their neutral initial values
    }
    log.info("adapted {} from {} to {} input channels", name, a[axis], b[axis]);
  }

  /** The input-channel axis: 1 for kernels [out, in, h, w] and [1, C, 1, 1], 0 for vectors [C]. */
  private static int channelAxis(long[] shape) {
    return shape.length == 1 ? 0 : 1;
  }

  private static INDArray channels(INDArray array, int axis, long from, long to) {
    INDArrayIndex[] index = new INDArrayIndex[array.rank()];
    for (int i = 0; i < index.length; i++) {
      index[i] = i == axis ? NDArrayIndex.interval(from, to) : NDArrayIndex.all();
    }
    return array.get(index);
  }

  private static boolean differsOnlyInInputChannels(long[] a, long[] b) {
    if (a.length != b.length || a[channelAxis(a)] != IMAGE_CHANNELS) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (i != channelAxis(a) && a[i] != b[i]) {
        return false;
      }
    }
    return true;
  }
}
