package dev.musket.engine.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The weights of a Keras {@code .h5} file (Keras applications' weights files, or a whole saved
 * model), read with deeplearning4j-modelimport's {@link Hdf5Archive}, by Keras layer name.
 *
 * <p>Why not DL4J's Keras model import: the applications' weight files hold no model configuration,
 * and our layer names are not Keras'; this class only exposes "layer name to its arrays" ({@code
 * kernel}, {@code bias}, {@code gamma}, {@code moving_variance}...), and the mapping onto our
 * layers is {@link KerasWeightsImporter}'s.
 */
final class KerasWeightsFile {

  private static final Pattern AUTO_NAME = Pattern.compile("(.+?)(?:_(\\d+))?");

  /** Dataset path (relative to the weights root) to its array. */
  private final Map<String, INDArray> datasets;

  private KerasWeightsFile(Map<String, INDArray> datasets) {
    this.datasets = datasets;
  }

  /** Reads every dataset of the file. */
  static KerasWeightsFile read(Path file) {
    Map<String, INDArray> datasets = new LinkedHashMap<>();
    try (Hdf5Archive archive = new Hdf5Archive(file.toString())) {
      String[] root =
          archive.getGroups().contains("model_weights")
              ? new String[] {"model_weights"}
              : new String[0];
      walk(archive, root, root.length, datasets);
    } catch (UnsupportedKerasConfigurationException e) {
      throw new MissingWeightsException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return new KerasWeightsFile(datasets);
  }

  private static void walk(
      Hdf5Archive archive, String[] path, int rootDepth, Map<String, INDArray> out)
      throws UnsupportedKerasConfigurationException {
    String prefix = String.join("/", Arrays.copyOfRange(path, rootDepth, path.length));
    for (String dataset : archive.getDataSets(path)) {
      out.put(
          prefix.isEmpty() ? dataset : prefix + "/" + dataset, archive.readDataSet(dataset, path));
    }
    for (String group : archive.getGroups(path)) {
      String[] child = Arrays.copyOf(path, path.length + 1);
      child[path.length] = group;
      walk(archive, child, rootDepth, out);
    }
  }

  /**
   * The arrays of one Keras layer by weight kind ({@code kernel}, {@code bias}...), empty when the
   * file has no such layer. Keras stores them at {@code layer/layer/kind:0} (or {@code
   * layer/kind:0}).
   */
  Map<String, INDArray> layer(String name) {
    Map<String, INDArray> weights = new LinkedHashMap<>();
    String prefix = name + "/";
    for (Map.Entry<String, INDArray> entry : datasets.entrySet()) {
      if (!entry.getKey().startsWith(prefix)) {
        continue;
      }
      String rest = entry.getKey().substring(prefix.length());
      if (rest.startsWith(prefix)) {
        rest = rest.substring(prefix.length());
      }
      if (!rest.contains("/")) {
        weights.put(rest.replaceFirst(":\\d+$", ""), entry.getValue());
      }
    }
    return weights;
  }

  /**
   * The layers Keras named automatically from a base ({@code conv2d}, {@code conv2d_1}...), in the
   * order Keras created them.
   */
  List<String> autoNamed(String base) {
    List<String> names = new ArrayList<>();
    for (String path : datasets.keySet()) {
      String first = path.split("/", 2)[0];
      Matcher m = AUTO_NAME.matcher(first);
      if (m.matches() && m.group(1).equals(base) && !names.contains(first)) {
        names.add(first);
      }
    }
    names.sort(Comparator.comparingInt(KerasWeightsFile::autoIndex));
    return names;
  }

  private static int autoIndex(String name) {
    Matcher m = AUTO_NAME.matcher(name);
    return m.matches() && m.group(2) != null ? Integer.parseInt(m.group(2)) : 0;
  }
}
