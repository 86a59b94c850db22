package dev.musket.engine.onednn;

import dev.musket.engine.runtime.ComputeBackend;
import java.lang.reflect.Field;
import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
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
    // DL4J's checks (nOut set) and parameter set-up, then the helper is swapped
    var dl4j =
        (org.deeplearning4j.nn.layers.normalization.BatchNormalization)
            super.instantiate(
                conf,
                trainingListeners,
                layerIndex,
                layerParamsView,
                initializeParams,
                networkDataType);
    // on CUDA (a -Pcuda build) DL4J's own path stays: oneDNN's CPU engine cannot read device memory
    if (!isLockGammaBeta() && !ComputeBackend.isCuda()) {
      HelperSlot.set(dl4j, new OneDnnBatchNormHelper(getEps()));
    }
    return dl4j;
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
