package dev.musket.engine.model;

import dev.musket.engine.onednn.OneDnn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * A network's layer table (name, type, output shape, parameters) computed from its configuration
 * alone, without allocating a single parameter.
 *
 * <p>Why from the configuration: NASNetLarge or VGG19 would allocate hundreds of megabytes just to
 * be counted; {@code musket summary}, the workbench's layer list and the reference-count tests need
 * only the shapes.
 */
public record ModelSummary(List<Row> rows, long totalParams) {

  /** One vertex of the graph. */
  public record Row(
      String name, String type, String outputShape, long params, List<String> inputs) {}

  public ModelSummary {
    rows = List.copyOf(rows);
  }

  /** The summary of a configuration whose single input has the given type. */
  public static ModelSummary of(ComputationGraphConfiguration configuration, InputType input) {
    Map<String, InputType> types = configuration.getLayerActivationTypes(input);
    List<Row> rows = new ArrayList<>();
    long total = 0;
    for (Map.Entry<String, GraphVertex> entry : configuration.getVertices().entrySet()) {
      String name = entry.getKey();
      GraphVertex vertex = entry.getValue();
      long params = 0;
      String type = vertex.getClass().getSimpleName();
      if (vertex instanceof LayerVertex layerVertex) {
        Layer layer = layerVertex.getLayerConf().getLayer();
        params = layer.initializer().numParams(layer);
        type = typeName(layer);
      }
      total += params;
      List<String> inputs = configuration.getVertexInputs().getOrDefault(name, List.of());
      rows.add(new Row(name, type, describe(types.get(name)), params, inputs));
    }
    return new ModelSummary(rows, total);
  }

  /**
   * The layer's class name; the engine's oneDNN layers are DL4J layers with another implementation
   * (subclasses of them), and show as the DL4J layer they implement, so a summary does not change
   * with the implementation.
   */
  private static String typeName(Layer layer) {
    Class<?> type = layer.getClass();
    if (type.getPackageName().equals(OneDnn.class.getPackageName())) {
      type = type.getSuperclass();
    }
    return type.getSimpleName();
  }

  /** Parameters of a configuration, counted without allocating them. */
  public static long countParams(ComputationGraphConfiguration configuration) {
    long total = 0;
    for (GraphVertex vertex : configuration.getVertices().values()) {
      if (vertex instanceof LayerVertex layerVertex) {
        Layer layer = layerVertex.getLayerConf().getLayer();
        total += layer.initializer().numParams(layer);
      }
    }
    return total;
  }

  private static String describe(InputType type) {
    if (type == null) {
      return "?";
    }
    if (type instanceof InputType.InputTypeConvolutional c) {
      return c.getChannels() + "x" + c.getHeight() + "x" + c.getWidth();
    }
    if (type instanceof InputType.InputTypeFeedForward f) {
      return String.valueOf(f.getSize());
    }
    return type.toString();
  }
}
