package dev.musket.engine.model;

import dev.musket.engine.runtime.FastDefaults;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The one place where the models' speed-relevant DL4J settings are chosen.
 *
 * <p>Why one place: {@code shared/reference/dl4j-cpu-performance.md} measured that CPU training
 * needs {@link CacheMode#HOST}, workspaces {@link WorkspaceMode#ENABLED}, NCHW and float32; the
 * engine's runtime package will own those choices, and swapping this class for it is then a
 * one-line change. See {@code docs/decisions/0004-model-data-format.md}.
 */
public final class GraphDefaults {

  /** Activations are channels-first: NHWC was slower for training with DL4J here. */
  public static final CNN2DFormat DATA_FORMAT = FastDefaults.DATA_FORMAT;

  private GraphDefaults() {}

  /** Global network settings shared by every model graph. */
  public static NeuralNetConfiguration.Builder network(long seed, IUpdater updater) {
    // the fast-path settings (float32, CacheMode.HOST, workspaces) live in one place: FastDefaults
    return FastDefaults.builder()
        .seed(seed)
        .convolutionMode(ConvolutionMode.Truncate)
        .weightInit(WeightInit.XAVIER_UNIFORM)
        .updater(updater);
  }

  /** The input type of an image batch of the given size, in {@link #DATA_FORMAT}. */
  public static InputType imageInput(long height, long width, long channels) {
    return InputType.convolutional(height, width, channels, DATA_FORMAT);
  }
}
