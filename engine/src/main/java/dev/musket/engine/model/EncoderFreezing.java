package dev.musket.engine.model;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.transferlearning.TransferLearning;

/**
 * Musket's {@code freeze_encoder} / {@code unfreeze_encoder}: freezes or releases every layer but
 * the heads (the vertices named {@code head_*}).
 *
 * <p>Why new networks are returned: DL4J freezes by wrapping layers ({@link FrozenLayer}) in a new
 * graph (transfer learning API); frozen layers run in inference mode, as Keras' frozen layers do
 * under TensorFlow 2. Parameters are carried over; the optimizer state restarts, as Musket's
 * recompilation after a (un)freeze does.
 */
public final class EncoderFreezing {

  private EncoderFreezing() {}

  /** A network whose encoder is frozen; the heads stay trainable. */
  public static ComputationGraph freeze(ComputationGraph network) {
    List<String> encoderOutputs = encoderOutputs(network.getConfiguration());
    return new TransferLearning.GraphBuilder(network)
        .setFeatureExtractor(encoderOutputs.toArray(String[]::new))
        .build();
  }

  /**
   * A network with every layer trainable and the same parameters; {@code unfrozenConfiguration} is
   * the network's configuration before freezing ({@link ModelAssembler#configuration}).
   */
  public static ComputationGraph unfreeze(
      ComputationGraph frozen, ComputationGraphConfiguration unfrozenConfiguration) {
    ComputationGraph network = new ComputationGraph(unfrozenConfiguration.clone());
    network.init(frozen.params().dup(), false);
    return network;
  }

  /** Whether any layer of the network is frozen. */
  public static boolean isFrozen(ComputationGraph network) {
    for (org.deeplearning4j.nn.api.Layer layer : network.getLayers()) {
      if (layer instanceof org.deeplearning4j.nn.layers.FrozenLayer) {
        return true;
      }
    }
    return false;
  }

  /** The vertices that feed the head: the encoder ends there. */
  static List<String> encoderOutputs(ComputationGraphConfiguration configuration) {
    return configuration.getVertexInputs().entrySet().stream()
        .filter(e -> e.getKey().startsWith(ModelAssembler.HEAD_PREFIX))
        .flatMap(e -> e.getValue().stream())
        .filter(input -> !input.startsWith(ModelAssembler.HEAD_PREFIX))
        .distinct()
        .toList();
  }
}
