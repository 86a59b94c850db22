package dev.musket.engine.train;

import dev.musket.engine.model.ModelAssembler;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Recomputes each head's output from DL4J's training forward pass, so training metrics are those of
 * the very batch the network just trained on (Keras' training metrics), without a second forward
 * pass through the whole network.
 *
 * <p>Why it works: DL4J hands listeners every vertex's activation except the output layers'; a head
 * is one dense layer, so its output is {@code activation(input x W + b)} of the captured input with
 * the parameters before the update, exactly what the loss saw.
 */
final class HeadOutputCapture extends BaseTrainingListener {

  private final ComputationGraph network;
  private final String[] outputs;
  private final String[] inputs;
  private final EpochScores scores;
  private INDArray[] labels;

  HeadOutputCapture(ComputationGraph network, EpochScores scores) {
    this.network = network;
    this.scores = scores;
    this.outputs = network.getConfiguration().getNetworkOutputs().toArray(String[]::new);
    this.inputs = new String[outputs.length];
    for (int i = 0; i < outputs.length; i++) {
      inputs[i] = network.getConfiguration().getVertexInputs().get(outputs[i]).get(0);
    }
  }

  /** The targets of the batch about to be trained. */
  void nextBatch(INDArray[] labels) {
    this.labels = labels;
  }

  @Override
  public void onForwardPass(Model model, Map<String, INDArray> activations) {
    if (labels == null) {
      return;
    }
    INDArray[] predictions = new INDArray[outputs.length];
    for (int i = 0; i < outputs.length; i++) {
      INDArray in = activations.get(inputs[i]);
      if (in == null || !outputs[i].startsWith(ModelAssembler.HEAD_PREFIX)) {
        return;
      }
      var layer = network.getLayer(outputs[i]);
      INDArray z = in.mmul(layer.getParam("W")).addiRowVector(layer.getParam("b"));
      BaseLayer conf = (BaseLayer) layer.conf().getLayer();
      predictions[i] = conf.getActivationFn().getActivation(z, false);
    }
    scores.update(predictions, labels);
    labels = null;
  }
}
