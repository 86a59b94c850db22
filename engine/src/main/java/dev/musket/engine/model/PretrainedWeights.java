package dev.musket.engine.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
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
 * architecture is {@code <name in lower case>.zip}: a DL4J {@code ComputationGraph} zip
 * (ModelSerializer) whose layer names are this engine's. Encoder layers are copied by name; the
 * head is never copied. When the input has another channel count than the file (C != 3), the
 * parameters over input channels (the first convolution, ResNet's input batch norm) are adapted as
 * Musket does: existing channels are copied, extra channels get zeros, or with {@code copyWeights}
 * the kernel of channel 2 (blue). See {@code docs/pretrained-weights.md}.
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

  /** Copies the pretrained encoder parameters into {@code target}, built from {@code spec}. */
  public void load(
      ComputationGraph target, String architecture, ModelBuilder builder, ModelSpec spec) {
    if (!"imagenet".equalsIgnoreCase(spec.weights().trim())) {
      throw new IllegalArgumentException(
          "weights '" + spec.weights() + "' are not supported; use imagenet or leave weights out");
    }
    Path file = fileFor(architecture);
    for (Path keras : kerasFilesFor(architecture)) {
      if (!Files.isRegularFile(file) && Files.isRegularFile(keras)) {
        KerasWeightsImporter.copyInto(
            KerasWeightsFile.read(keras), target, builder, spec.copyWeights());
        log.info("loaded {} weights from Keras file {}", architecture, keras);
        return;
      }
    }
    if (!Files.isRegularFile(file)) {
      throw new MissingWeightsException(
          "no ImageNet weights for "
              + architecture
              + ": put the file "
              + file.getFileName()
              + " in "
              + folder.toAbsolutePath()
              + " (or Keras' weights as "
              + kerasFilesFor(architecture).get(0).getFileName()
              + "; set $"
              + ENVIRONMENT_VARIABLE
              + " to use another folder; see docs/pretrained-weights.md)");
    }
    ComputationGraph source;
    try {
      source = ModelSerializer.restoreComputationGraph(file.toFile(), false);
    } catch (IOException | RuntimeException e) {
      throw new MissingWeightsException(
          "cannot read weights file " + file + ": " + e.getMessage(), e);
    }
    copyEncoder(source, target, spec.copyWeights());
    log.info("loaded {} weights from {}", architecture, file);
  }

  /** Copies every encoder layer's parameters by name, adapting input-channel axes. */
  static void copyEncoder(ComputationGraph source, ComputationGraph target, boolean copyBlue) {
    List<String> missing = new ArrayList<>();
    for (Layer layer : target.getLayers()) {
      String name = layer.conf().getLayer().getLayerName();
      if (name.startsWith(ModelAssembler.HEAD_PREFIX) || layer.numParams() == 0) {
        continue;
      }
      Layer from =
          source.getConfiguration().getVertices().containsKey(name) ? source.getLayer(name) : null;
      if (from == null || from.numParams() == 0) {
        missing.add(name);
        continue;
      }
      for (Map.Entry<String, INDArray> param : layer.paramTable().entrySet()) {
        INDArray value = from.paramTable().get(param.getKey());
        if (value == null) {
          missing.add(name + "/" + param.getKey());
        } else {
          copyParam(name + "/" + param.getKey(), value, param.getValue(), copyBlue);
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new MissingWeightsException(
          "the weights file does not match this architecture; missing "
              + missing.size()
              + " parameters, first "
              + missing.subList(0, Math.min(5, missing.size())));
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
