package dev.musket.engine.onednn;

import dev.musket.engine.runtime.ComputeBackend;
import java.util.Arrays;
import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's {@link GlobalPoolingLayer} configuration whose layer runs global average and max pooling
 * of NCHW maps as one oneDNN pooling with the whole map as its window (cached primitives, {@link
 * PoolingRunner}), instead of ND4J's reduction forward and its broadcast-copy-then-divide (or
 * is-max-then-multiply) backward, which allocate and pass over the input two or three times. Same
 * configuration, same JSON apart from the class name, same results to float tolerance ({@code
 * OneDnnSubsamplingLayerTest}). Build it from a configured layer: {@code new
 * OneDnnGlobalPoolingLayer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())}, or through
 * {@code FastDefaults.globalPooling}. Masks, time series, 3-D input, NHWC, SUM and PNORM keep
 * DL4J's path.
 */
public class OneDnnGlobalPoolingLayer extends GlobalPoolingLayer {

  /** For JSON deserialisation. */
  protected OneDnnGlobalPoolingLayer() {}

  /**
   * Takes every setting of {@code configured}; DL4J's builder constructor is private, so they are
   * copied field by field ({@link LayerSettings}).
   */
  public OneDnnGlobalPoolingLayer(GlobalPoolingLayer configured) {
    LayerSettings.copy(GlobalPoolingLayer.class, configured, this);
  }

  @Override
  public Layer instantiate(
      NeuralNetConfiguration conf,
      Collection<TrainingListener> trainingListeners,
      int layerIndex,
      INDArray layerParamsView,
      boolean initializeParams,
      DataType networkDataType) {
    return LayerInstances.wired(
        new Impl(conf, networkDataType),
        conf,
        trainingListeners,
        layerIndex,
        layerParamsView,
        initializer().init(conf, layerParamsView, initializeParams));
  }

  /**
   * DL4J's global pooling layer with the 4-D NCHW unmasked MAX and AVG cases on oneDNN. On CUDA
   * DL4J's own path stays: oneDNN's CPU engine cannot read device memory.
   */
  public static final class Impl extends org.deeplearning4j.nn.layers.pooling.GlobalPoolingLayer {

    private final PoolingRunner runner = new PoolingRunner(OneDnnLayout.POOLING_BLOCKED);
    private final PoolMode mode;

    Impl(NeuralNetConfiguration conf, DataType dataType) {
      super(conf, dataType);
      var layerConf = (GlobalPoolingLayer) conf.getLayer();
      PoolingType type = layerConf.getPoolingType();
      mode = ComputeBackend.isCuda() ? null : PoolMode.of(type, false); // null: not AVG or MAX
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
      assertInputSet(false);
      INDArray in = input.castTo(dataType);
      PoolGeometry geometry = geometry(in);
      if (geometry == null) {
        return super.activate(training, workspaceMgr);
      }
      OneDnnPaths.taken(OneDnnPaths.GLOBAL_POOLING);
      INDArray pooled = runner.forward(geometry, mode, in, training, workspaceMgr);
      return layerConf().isCollapseDimensions()
          ? pooled.reshape('c', geometry.batch(), geometry.channels())
          : pooled;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(
        INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
      assertInputSet(true);
      INDArray in = input.castTo(dataType);
      PoolGeometry geometry = geometry(in);
      if (geometry == null) {
        return super.backpropGradient(epsilon, workspaceMgr);
      }
      OneDnnPaths.taken(OneDnnPaths.GLOBAL_POOLING);
      INDArray inputGrad =
          runner.backward(geometry, mode, in, epsilon.castTo(dataType), workspaceMgr);
      return new Pair<>(new DefaultGradient(), inputGrad);
    }

    /** See {@link PoolingRunner#forwardsRepeated()}. */
    long forwardsRepeated() {
      return runner.forwardsRepeated();
    }

    /** The whole-map window of this call, or {@code null} for calls DL4J's own path must take. */
    private PoolGeometry geometry(INDArray in) {
      int[] dims = layerConf().getPoolingDimensions();
      boolean covered =
          mode != null
              && maskArray == null
              && in.rank() == 4
              && (dims == null || Arrays.equals(dims, new int[] {2, 3}));
      return covered ? PoolGeometry.global(in) : null;
    }
  }
}
