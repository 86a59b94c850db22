package dev.musket.engine.onednn;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What every engine layer configuration's {@code instantiate} does after making its {@code Impl}:
 * the wiring DL4J's own configurations repeat (listeners, index, parameter view and table,
 * configuration), written once.
 */
final class LayerInstances {

  private LayerInstances() {}

  static Layer wired(
      Layer layer,
      NeuralNetConfiguration conf,
      Collection<TrainingListener> trainingListeners,
      int layerIndex,
      INDArray layerParamsView,
      Map<String, INDArray> paramTable) {
    layer.setListeners(trainingListeners);
    layer.setIndex(layerIndex);
    layer.setParamsViewArray(layerParamsView);
    layer.setParamTable(paramTable);
    layer.setConf(conf);
    return layer;
  }
}
