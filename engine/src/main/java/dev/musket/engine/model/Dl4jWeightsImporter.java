package dev.musket.engine.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the encoder parameters of a DL4J {@code ComputationGraph} (a weights zip) onto our graph,
 * whichever of the {@link WeightsNaming}s the zip uses: the first naming under which every encoder
 * layer of ours is found in the zip wins; the head is never copied.
 *
 * <p>Parameters keep DL4J's layout in both graphs, so they are copied as they are, except the
 * batch-norm variance of zips saved with {@code useLogStd(false)} (DL4J before 1.0.0-beta4 and
 * Keras imports), which becomes our {@code log10(stdev)}, and input-channel adaptation ({@link
 * PretrainedWeights#copyParam}).
 */
final class Dl4jWeightsImporter {

  private static final Logger log = LoggerFactory.getLogger(Dl4jWeightsImporter.class);

  private Dl4jWeightsImporter() {}

  /**
   * Copies every encoder layer of {@code target} from {@code source}.
   *
   * @return the naming the source used
   * @throws MissingWeightsException when no naming finds every layer, naming the closest one and
   *     the layers it lacks
   */
  static WeightsNaming copyEncoder(
      ComputationGraph source, ComputationGraph target, ModelBuilder builder, boolean copyBlue) {
    List<String> layers = encoderLayers(target);
    WeightsNaming closest = null;
    List<String> closestMissing = null;
    for (WeightsNaming naming : WeightsNaming.values()) {
      Map<String, Layer> matched = new LinkedHashMap<>();
      List<String> missing = new ArrayList<>();
      for (String layer : layers) {
        Layer from = find(source, naming.names(builder, layer));
        if (from == null) {
          missing.add(layer + describe(naming, builder, layer));
        } else {
          matched.put(layer, from);
        }
      }
      if (missing.isEmpty()) {
        copy(matched, target, copyBlue);
        log.debug("weights file uses {} layer names", naming.description());
        return naming;
      }
      if (closestMissing == null || missing.size() < closestMissing.size()) {
        closest = naming;
        closestMissing = missing;
      }
    }
    throw new MissingWeightsException(
        "the weights file does not match this architecture: its layer names are neither this"
            + " engine's, the DL4J model zoo's nor Keras'; with the closest, "
            + closest.description()
            + ", "
            + closestMissing.size()
            + " of "
            + layers.size()
            + " layers are missing, first "
            + closestMissing.subList(0, Math.min(5, closestMissing.size())));
  }

  private static String describe(WeightsNaming naming, ModelBuilder builder, String layer) {
    List<String> names = naming.names(builder, layer);
    return naming == WeightsNaming.OURS || names.isEmpty() ? "" : " (as " + names.get(0) + ")";
  }

  /** Our encoder layers that have parameters, in graph order. */
  private static List<String> encoderLayers(ComputationGraph target) {
    List<String> layers = new ArrayList<>();
    for (Layer layer : target.getLayers()) {
      String name = layer.conf().getLayer().getLayerName();
      if (!name.startsWith(ModelAssembler.HEAD_PREFIX) && layer.numParams() > 0) {
        layers.add(name);
      }
    }
    return layers;
  }

  private static Layer find(ComputationGraph source, List<String> names) {
    for (String name : names) {
      if (source.getConfiguration().getVertices().containsKey(name)) {
        Layer layer = source.getLayer(name);
        if (layer != null && layer.numParams() > 0) {
          return layer;
        }
      }
    }
    return null;
  }

  private static void copy(Map<String, Layer> matched, ComputationGraph target, boolean copyBlue) {
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, Layer> entry : matched.entrySet()) {
      String name = entry.getKey();
      Layer from = entry.getValue();
      for (Map.Entry<String, INDArray> param : target.getLayer(name).paramTable().entrySet()) {
        INDArray value = sourceParam(from.paramTable(), param.getKey());
        String label = name + "/" + param.getKey();
        if (value == null) {
          missing.add(label + " (" + from.conf().getLayer().getLayerName() + ")");
        } else {
          PretrainedWeights.copyParam(label, value, param.getValue(), copyBlue);
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

  /** The source's value for one of our parameter keys, converting the batch-norm variance. */
  private static INDArray sourceParam(Map<String, INDArray> params, String key) {
    INDArray value = params.get(key);
    if (value == null
        && key.equals(BatchNormalizationParamInitializer.GLOBAL_LOG_STD)
        && params.containsKey(BatchNormalizationParamInitializer.GLOBAL_VAR)) {
      INDArray variance = params.get(BatchNormalizationParamInitializer.GLOBAL_VAR);
      return Transforms.log(Transforms.sqrt(variance, true), 10.0, false);
    }
    return value;
  }
}
