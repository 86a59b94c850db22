package dev.musket.engine.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Copies a Keras weights file onto our graph: each encoder layer asks its builder for the Keras
 * layer name ({@link ModelBuilder#kerasLayerName}), and each array is converted from Keras' layout
 * (channels-last kernels {@code [kh, kw, in, out]}, moving variance) to DL4J's ({@code [out, in,
 * kh, kw]}, log10 of the standard deviation).
 *
 * <p>Names Keras generated ({@code conv2d_7}) are matched by creation order: the builder answers
 * {@code auto:conv2d}, and the n-th such layer of ours takes the n-th such layer of the file, which
 * holds because our builders create layers in the order of the Keras code.
 */
final class KerasWeightsImporter {

  /** Prefix of a {@link ModelBuilder#kerasLayerName} answer for Keras' generated names. */
  static final String AUTO = "auto:";

  private KerasWeightsImporter() {}

  static void copyInto(
      KerasWeightsFile file, ComputationGraph target, ModelBuilder builder, boolean copyBlue) {
    Map<String, Integer> autoCount = new HashMap<>();
    Map<String, String> resolved = new HashMap<>();
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, GraphVertex> vertex :
        target.getConfiguration().getVertices().entrySet()) {
      String name = vertex.getKey();
      if (!(vertex.getValue() instanceof LayerVertex layerVertex)
          || name.startsWith(ModelAssembler.HEAD_PREFIX)) {
        continue;
      }
      Layer layer = target.getLayer(name);
      if (layer.numParams() == 0) {
        continue;
      }
      org.deeplearning4j.nn.conf.layers.Layer conf = layerVertex.getLayerConf().getLayer();
      String keras = kerasName(builder, name, conf, autoCount, resolved, file);
      Map<String, INDArray> weights = keras == null ? Map.of() : file.layer(keras);
      if (weights.isEmpty()) {
        missing.add(name + " (Keras " + builder.kerasLayerName(name) + ")");
        continue;
      }
      for (Map.Entry<String, INDArray> param : layer.paramTable().entrySet()) {
        INDArray value = convert(conf, param.getKey(), weights);
        if (value == null) {
          missing.add(name + "/" + param.getKey() + " (Keras " + keras + ")");
        } else {
          PretrainedWeights.copyParam(
              name + "/" + param.getKey(),
              fitRank(value, param.getValue()),
              param.getValue(),
              copyBlue);
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new MissingWeightsException(
          "the Keras weights file does not match this architecture; missing "
              + missing.size()
              + " layers, first "
              + missing.subList(0, Math.min(5, missing.size())));
    }
  }

  private static String kerasName(
      ModelBuilder builder,
      String name,
      org.deeplearning4j.nn.conf.layers.Layer conf,
      Map<String, Integer> autoCount,
      Map<String, String> resolved,
      KerasWeightsFile file) {
    if (conf instanceof ChannelBias && name.endsWith("_beta")) {
      String batchNorm = name.substring(0, name.length() - "_beta".length());
      if (resolved.containsKey(batchNorm)) {
        return resolved.get(batchNorm);
      }
    }
    String keras = builder.kerasLayerName(name);
    if (keras != null && keras.startsWith(AUTO)) {
      String base = keras.substring(AUTO.length());
      int index = autoCount.merge(base, 1, Integer::sum) - 1;
      List<String> names = file.autoNamed(base);
      keras = index < names.size() ? names.get(index) : null;
    }
    resolved.put(name, keras);
    return keras;
  }

  /** The Keras array for one of our parameters, in DL4J's layout; null when absent. */
  private static INDArray convert(
      org.deeplearning4j.nn.conf.layers.Layer conf, String key, Map<String, INDArray> keras) {
    if (conf instanceof SeparableConvolution2D) {
      return switch (key) {
        case "W" -> channelsFirst(keras.get("depthwise_kernel"));
        case "pW" -> channelsFirst(keras.get("pointwise_kernel"));
        default -> keras.get("bias");
      };
    }
    if (conf instanceof DepthwiseConvolution2D) {
      // both frameworks store depthwise kernels as [kh, kw, in, multiplier]
      return key.equals("W") ? keras.get("depthwise_kernel") : keras.get("bias");
    }
    if (conf instanceof ConvolutionLayer) {
      return key.equals("W") ? channelsFirst(keras.get("kernel")) : keras.get("bias");
    }
    if (conf instanceof BatchNormalization) {
      return switch (key) {
        case "mean" -> keras.get("moving_mean");
        case "var" -> keras.get("moving_variance");
        case "log10stdev" -> logStd(keras.get("moving_variance"));
        default -> keras.get(key);
      };
    }
    if (conf instanceof ChannelBias) {
      return keras.get("beta");
    }
    if (conf instanceof FeedForwardLayer) {
      return key.equals("W") ? keras.get("kernel") : keras.get("bias");
    }
    return null;
  }

  /** Keras' [kh, kw, in, out] to DL4J's [out, in, kh, kw]. */
  private static INDArray channelsFirst(INDArray kernel) {
    return kernel == null ? null : kernel.permute(3, 2, 0, 1).dup('c');
  }

  /** DL4J stores log10(sqrt(variance)); it adds epsilon itself. */
  private static INDArray logStd(INDArray variance) {
    return variance == null ? null : Transforms.log(Transforms.sqrt(variance, true), 10.0, false);
  }

  /** Brings a vector to the target's rank ([C] to [1, C] or [1, C, 1, 1]). */
  private static INDArray fitRank(INDArray value, INDArray target) {
    if (value.rank() == target.rank()) {
      return value;
    }
    if (value.length() == target.length()) {
      return value.reshape(target.shape());
    }
    if (value.rank() == 1) {
      long[] shape = target.shape().clone();
      shape[1] = value.length();
      return value.reshape(shape);
    }
    return value;
  }
}
