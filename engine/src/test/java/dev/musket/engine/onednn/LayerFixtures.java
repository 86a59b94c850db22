package dev.musket.engine.onednn;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A single DL4J layer outside a network, and the float tolerance the equality tests use. */
final class LayerFixtures {

  private LayerFixtures() {}

  /**
   * The layer of a configuration with its own parameter and gradient arrays: initialised by DL4J
   * when {@code params} is null, else a copy of that flat array (Layer.setParams would not do: for
   * depthwise and separable layers DL4J copies a flat array in parameter-table order, which differs
   * from their flat layout, bias first). Layers without parameters get no parameter arrays.
   */
  static Layer instantiate(org.deeplearning4j.nn.conf.layers.Layer layerConf, INDArray params) {
    NeuralNetConfiguration conf =
        new NeuralNetConfiguration.Builder()
            .dataType(DataType.FLOAT)
            .seed(9)
            .layer(layerConf)
            .build();
    long n = conf.getLayer().initializer().numParams(conf);
    if (n == 0) { // pooling: DL4J's layers without parameters want no parameter views
      return conf.getLayer().instantiate(conf, null, 0, null, false, DataType.FLOAT);
    }
    INDArray view = params == null ? Nd4j.create(DataType.FLOAT, 1, n) : params.dup();
    Layer layer = conf.getLayer().instantiate(conf, null, 0, view, params == null, DataType.FLOAT);
    layer.setBackpropGradientsViewArray(Nd4j.create(DataType.FLOAT, 1, n));
    return layer;
  }

  /** Equal to 1e-4 of the largest expected magnitude. */
  static void assertClose(String what, INDArray actual, INDArray expected) {
    assertThat(actual.shape()).as("%s: shape", what).isEqualTo(expected.shape());
    double scale = Math.max(1e-3, expected.amaxNumber().doubleValue());
    double maxDiff = actual.sub(expected).amaxNumber().doubleValue();
    assertThat(maxDiff / scale).as("%s: max |difference| / max |expected|", what).isLessThan(1e-4);
  }
}
