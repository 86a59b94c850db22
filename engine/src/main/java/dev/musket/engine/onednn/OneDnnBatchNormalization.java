package dev.musket.engine.onednn;

import dev.musket.engine.runtime.ComputeBackend;
import java.lang.reflect.Field;
import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's {@link BatchNormalization} configuration whose layer runs on {@link OneDnnBatchNormHelper}
 * (oneDNN called directly, primitives cached) instead of DL4J's MKLDNNBatchNormHelper. Same
 * parameters (gamma, beta, moving mean, moving log10 stdev or variance), same moving-average
 * update, same JSON apart from the class name, same results to float tolerance ({@code
 * OneDnnBatchNormalizationTest}). Build it from a configured DL4J layer: {@code new
 * OneDnnBatchNormalization(new BatchNormalization.Builder().eps(1e-3).decay(0.99).build())}. With
 * {@code lockGammaBeta} the layer is DL4J's own (DL4J's helper does not cover it either).
 */
public class OneDnnBatchNormalization extends BatchNormalization {

  /** For JSON deserialisation. */
  protected OneDnnBatchNormalization() {}

  /**
   * Takes every setting of {@code configured}. DL4J's builder constructor is private, so the
   * settings are copied field by field ({@link LayerSettings}).
   */
  public OneDnnBatchNormalization(BatchNormalization configured) {
    LayerSettings.copy(BatchNormalization.class, configured, this);
    // A failing helper must fail loudly, as with the engine's convolution: DL4J's silent fallback
    // hides the failure and runs a different implementation. Calls the helper does not cover
    // return null and still use the built-in path, without an exception.
    setCudnnAllowFallback(false);
  }

  @Override
  public Layer instantiate(
      NeuralNetConfiguration conf,
      Collection<TrainingListener> trainingListeners,
      int layerIndex,
      INDArray layerParamsView,
      boolean initializeParams,
      DataType networkDataType) {
    // on CUDA (a -Pcuda build) DL4J's own layer stays: oneDNN's CPU engine cannot read device
    // memory; with locked gamma/beta too (DL4J's helper does not cover them either)
    if (isLockGammaBeta() || ComputeBackend.isCuda()) {
      return super.instantiate(
          conf, trainingListeners, layerIndex, layerParamsView, initializeParams, networkDataType);
    }
    // DL4J's checks (nOut set) first, then our layer in place of DL4J's, set up as DL4J sets it up
    super.instantiate(conf, trainingListeners, layerIndex, layerParamsView, false, networkDataType);
    return LayerInstances.wired(
        new Impl(conf, networkDataType, new OneDnnBatchNormHelper(getEps())),
        conf,
        trainingListeners,
        layerIndex,
        layerParamsView,
        initializer().init(conf, layerParamsView, initializeParams));
  }

  /**
   * DL4J's batch-norm layer on {@link OneDnnBatchNormHelper}. Training and backprop are DL4J's
   * (which call the helper); inference goes to the helper's {@link OneDnnBatchNormHelper#inference}
   * directly with the stored moving statistics, skipping DL4J's conversion of the log10 stdev to a
   * variance (three ND4J ops per call, as much time as the normalisation itself at DenseNet's
   * smallest shapes). Inputs the helper does not cover (rank 3, other data types, a wrong channel
   * count, which DL4J reports) take DL4J's path.
   */
  static final class Impl extends org.deeplearning4j.nn.layers.normalization.BatchNormalization {

    private final OneDnnBatchNormHelper oneDnn;

    Impl(NeuralNetConfiguration conf, DataType dataType, OneDnnBatchNormHelper helper) {
      super(conf, dataType);
      oneDnn = helper;
      HelperSlot.set(this, helper);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
      if (!training) {
        assertInputSet(false);
        INDArray out = inference(workspaceMgr);
        if (out != null) {
          return out;
        }
      }
      return super.activate(training, workspaceMgr);
    }

    private INDArray inference(LayerWorkspaceMgr workspaceMgr) {
      var conf = layerConf();
      int channelAxis = input.rank() == 4 && conf.getCnn2DFormat() == CNN2DFormat.NHWC ? 3 : 1;
      if (input.rank() < 2 || input.size(channelAxis) != conf.getNOut()) {
        return null;
      }
      boolean logStd = conf.isUseLogStd();
      return oneDnn.inference(
          input,
          getParam(BatchNormalizationParamInitializer.GAMMA),
          getParam(BatchNormalizationParamInitializer.BETA),
          getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN),
          getParam(
              logStd
                  ? BatchNormalizationParamInitializer.GLOBAL_LOG_STD
                  : BatchNormalizationParamInitializer.GLOBAL_VAR),
          logStd,
          conf.getCnn2DFormat(),
          workspaceMgr);
    }
  }

  /** The layer's helper field, which DL4J keeps package-private and sets itself. */
  private static final class HelperSlot {
    private static final Field HELPER = helperField();

    private HelperSlot() {}

    static void set(
        org.deeplearning4j.nn.layers.normalization.BatchNormalization layer,
        BatchNormalizationHelper helper) {
      try {
        HELPER.set(layer, helper);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot set the batch-norm helper: DL4J changed?", e);
      }
    }

    private static Field helperField() {
      try {
        Field field =
            org.deeplearning4j.nn.layers.normalization.BatchNormalization.class.getDeclaredField(
                "helper");
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException(
            "DL4J's BatchNormalization layer has no 'helper' field any more (DL4J upgraded?):"
                + " OneDnnBatchNormalization must be adapted",
            e);
      }
    }
  }
}
