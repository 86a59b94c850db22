package dev.musket.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.musket.engine.model.ModelAssembler;
import dev.musket.engine.model.ModelRegistry;
import dev.musket.engine.model.ModelSpec;
import dev.musket.engine.onednn.OneDnnActivationLayer;
import dev.musket.engine.onednn.OneDnnBatchNormHelper;
import dev.musket.engine.onednn.OneDnnConvolutionHelper;
import dev.musket.engine.onednn.OneDnnDepthwiseConvolutionHelper;
import dev.musket.engine.onednn.OneDnnGlobalPoolingLayer;
import dev.musket.engine.onednn.OneDnnPaths;
import dev.musket.engine.onednn.OneDnnSeparableConvolutionLayer;
import dev.musket.engine.onednn.OneDnnSubsamplingHelper;
import dev.musket.engine.onednn.OneDnnSubsamplingLayer;
import java.lang.reflect.Field;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Guards the fast path: a dependency bump or a lost system property silently drops DL4J's oneDNN
 * layer helpers and costs a factor of 7 (small CNN) to 50 (ResNet) in training speed, with nothing
 * but a debug log line to show for it. This test builds a tiny network with {@link FastDefaults},
 * trains one step, and fails unless every convolution, batch-norm and pooling layer still runs on
 * its oneDNN helper (and never fell back to DL4J's built-in implementation), including the engine's
 * own convolution ({@link FastDefaults#convolution}), batch normalisation ({@link
 * FastDefaults#batchNormalization}), depthwise convolution ({@link FastDefaults#depthwise}),
 * separable convolution ({@link FastDefaults#separable}), pooling ({@link
 * FastDefaults#subsampling}), global pooling ({@link FastDefaults#globalPooling}) and activation
 * layer ({@link FastDefaults#activation}); and that every built-in architecture's pooling and
 * activation layers are the engine's.
 */
// the oneDNN CPU path: not used, and not there to test, in a -Pcuda build
@DisabledIf("dev.musket.engine.runtime.ComputeBackend#cudaOnClasspath")
class OneDnnHelpersInUseTest {

  private static ComputationGraph network;

  @BeforeAll
  static void trainOneStepOfATinyNetwork() {
    assumeTrue(
        NativeRuntime.chooseBuild(CpuFlags.ofThisMachine()).hasOneDnn(),
        "this CPU has neither AVX2 nor AVX-512: no oneDNN build exists for it");
    ComputationGraphConfiguration conf =
        FastDefaults.builder()
            .seed(7)
            .updater(new Adam(1e-3))
            .graphBuilder()
            .addInputs("in")
            .setInputTypes(InputType.convolutional(8, 8, 3, FastDefaults.DATA_FORMAT))
            .addLayer("conv", conv(3, 4), "in")
            .addLayer("bn", new BatchNormalization.Builder().build(), "conv")
            .addLayer(
                "pool", new SubsamplingLayer.Builder().kernelSize(2, 2).stride(2, 2).build(), "bn")
            .addLayer("engineConv", FastDefaults.convolution(convBuilder(4, 4)), "pool")
            .addLayer(
                "engineBn",
                FastDefaults.batchNormalization(new BatchNormalization.Builder()),
                "engineConv")
            .addLayer(
                "act",
                FastDefaults.activation(new ActivationLayer.Builder().activation(Activation.RELU6)),
                "engineBn")
            .addLayer("depthwise", FastDefaults.depthwise(depthwiseBuilder()), "act")
            .addLayer("separable", FastDefaults.separable(separableBuilder()), "depthwise")
            .addLayer(
                "enginePool",
                FastDefaults.subsampling(
                    new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                        .kernelSize(3, 3)
                        .stride(2, 2)
                        .convolutionMode(ConvolutionMode.Same)),
                "separable")
            .addLayer(
                "gap",
                FastDefaults.globalPooling(new GlobalPoolingLayer.Builder(PoolingType.AVG)),
                "enginePool")
            .addLayer("out", outputLayer(4, 3), "gap")
            .setOutputs("out")
            .build();
    network = new ComputationGraph(conf);
    network.init();
    network.fit(
        new org.nd4j.linalg.dataset.DataSet(
            Nd4j.rand(2, 3, 8, 8), Nd4j.eye(3).getRows(0, 2).reshape(2, 3)));
  }

  @Test
  void theRuntimeReportsActiveLayerHelpers() {
    assertThat(NativeRuntime.initialize().layerHelpersActive()).isTrue();
  }

  @Test
  void convolutionRunsOnTheOneDnnHelper() {
    assertRunsOnHelper("conv", MKLDNNConvHelper.class);
  }

  @Test
  void theEnginesConvolutionRunsOnOneDnnDirectly() {
    assertRunsOnHelper("engineConv", OneDnnConvolutionHelper.class);
  }

  @Test
  void theEnginesDepthwiseConvolutionRunsOnOneDnnDirectly() {
    assertRunsOnHelper("depthwise", OneDnnDepthwiseConvolutionHelper.class);
    assertTakesTheOneDnnPath(OneDnnPaths.DEPTHWISE);
  }

  @Test
  void theEnginesSeparableConvolutionRunsOnOneDnnDirectly() {
    // DL4J's separable layer has no helper seam: the engine replaces the layer itself
    assertThat(network.getLayer("separable"))
        .isInstanceOf(OneDnnSeparableConvolutionLayer.Impl.class);
    assertTakesTheOneDnnPath(OneDnnPaths.SEPARABLE);
  }

  @Test
  void theEnginesActivationRunsOnOneDnnDirectly() {
    // DL4J's activation layer has no helper seam: the engine replaces the layer itself
    assertThat(network.getLayer("act")).isInstanceOf(OneDnnActivationLayer.Impl.class);
    assertTakesTheOneDnnPath(OneDnnPaths.ACTIVATION);
  }

  /** The builders' activations (ReLU6 here, ReLU there) must all be the engine's layer. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mobilenetv2", "resnet18", "vgg16"})
  void everyActivationLayerOfABuiltArchitectureIsTheEngines(String architecture) {
    var configuration =
        new ModelAssembler(ModelRegistry.standard())
            .configuration(ModelSpec.builder(architecture).shape(32, 32, 3).classes(3).build());
    long activations = 0;
    for (var vertex : configuration.getVertices().entrySet()) {
      if (vertex.getValue() instanceof LayerVertex layer
          && layer.getLayerConf().getLayer() instanceof ActivationLayer activation) {
        activations++;
        assertThat(activation)
            .as("activation layer '%s' of %s", vertex.getKey(), architecture)
            .isInstanceOf(OneDnnActivationLayer.class);
        assertThat(OneDnnActivationLayer.covers(activation.getActivationFn()))
            .as("oneDNN covers %s", activation.getActivationFn())
            .isTrue();
      }
    }
    assertThat(activations).as("activation layers in %s", architecture).isPositive();
  }

  /**
   * The layer's class alone proves nothing: a call it does not cover falls back to DL4J's path
   * silently. A forward pass must go through oneDNN.
   */
  private void assertTakesTheOneDnnPath(String layer) {
    long before = OneDnnPaths.count(layer);
    network.outputSingle(Nd4j.rand(2, 3, 8, 8));
    assertThat(OneDnnPaths.count(layer)).as(layer + " calls on oneDNN").isGreaterThan(before);
  }

  @Test
  void batchNormRunsOnTheOneDnnHelper() {
    assertRunsOnHelper("bn", MKLDNNBatchNormHelper.class);
  }

  @Test
  void theEnginesBatchNormRunsOnOneDnnDirectly() {
    assertRunsOnHelper("engineBn", OneDnnBatchNormHelper.class);
  }

  @Test
  void subsamplingRunsOnTheOneDnnHelper() {
    assertRunsOnHelper("pool", MKLDNNSubsamplingHelper.class);
  }

  @Test
  void theEnginesPoolingRunsOnOneDnnDirectly() {
    assertRunsOnHelper("enginePool", OneDnnSubsamplingHelper.class);
    assertTakesTheOneDnnPath(OneDnnPaths.POOLING);
  }

  @Test
  void theEnginesGlobalPoolingRunsOnOneDnnDirectly() {
    assertThat(network.getLayer("gap")).isInstanceOf(OneDnnGlobalPoolingLayer.Impl.class);
    assertTakesTheOneDnnPath(OneDnnPaths.GLOBAL_POOLING);
  }

  /**
   * Every pooling layer of every built-in architecture (and its classifier head) is the engine's: a
   * builder that makes DL4J's own pooling layer again would leave the fast path silently.
   */
  @Test
  void everyArchitecturesPoolingLayersAreTheEngines() {
    ModelRegistry registry = ModelRegistry.standard();
    ModelAssembler assembler = new ModelAssembler(registry);
    int pooling = 0;
    for (String architecture : registry.names()) {
      ComputationGraphConfiguration conf =
          assembler.configuration(
              ModelSpec.builder(architecture).shape(224, 224, 3).classes(3).build());
      for (var vertex : conf.getVertices().entrySet()) {
        if (vertex.getValue() instanceof LayerVertex layerVertex) {
          var layer = layerVertex.getLayerConf().getLayer();
          if (layer instanceof SubsamplingLayer || layer instanceof GlobalPoolingLayer) {
            assertThat(layer)
                .as("%s layer %s", architecture, vertex.getKey())
                .isInstanceOfAny(OneDnnSubsamplingLayer.class, OneDnnGlobalPoolingLayer.class);
            pooling++;
          }
        }
      }
    }
    assertThat(pooling).isGreaterThan(registry.names().size());
  }

  /** A built network's stem max pooling and head global pooling take the oneDNN path. */
  @Test
  void aBuiltResNetPoolsOnOneDnn() {
    ModelSpec spec = ModelSpec.builder("resnet18").shape(32, 32, 3).classes(3).build();
    ComputationGraph resnet = new ModelAssembler(ModelRegistry.standard()).build(spec);
    long pooling = OneDnnPaths.count(OneDnnPaths.POOLING);
    long global = OneDnnPaths.count(OneDnnPaths.GLOBAL_POOLING);
    resnet.fit(
        new org.nd4j.linalg.dataset.DataSet(
            Nd4j.rand(2, 3, 32, 32), Nd4j.eye(3).getRows(0, 2).reshape(2, 3)));
    // forward and backward of each
    assertThat(OneDnnPaths.count(OneDnnPaths.POOLING)).isGreaterThanOrEqualTo(pooling + 2);
    assertThat(OneDnnPaths.count(OneDnnPaths.GLOBAL_POOLING)).isEqualTo(global + 2);
  }

  private static void assertRunsOnHelper(String layerName, Class<?> helperType) {
    Layer layer = network.getLayer(layerName);
    assertThat(layer.getHelper())
        .as("helper of layer '%s' (null = DL4J's slow built-in path)", layerName)
        .isInstanceOf(helperType);
    assertThat(helperFailures(layer))
        .as("times layer '%s' fell back from its helper to the built-in path", layerName)
        .isZero();
  }

  private static int helperFailures(Layer layer) {
    for (Class<?> c = layer.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField("helperCountFail");
        field.setAccessible(true);
        return field.getInt(layer);
      } catch (NoSuchFieldException e) {
        // keep looking in the superclass
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("no helperCountFail in " + layer.getClass() + ": DL4J changed?");
  }

  private static ConvolutionLayer conv(int in, int out) {
    return convBuilder(in, out).build();
  }

  private static ConvolutionLayer.Builder convBuilder(int in, int out) {
    return new ConvolutionLayer.Builder(3, 3)
        .nIn(in)
        .nOut(out)
        .padding(1, 1)
        .activation(Activation.IDENTITY)
        .dataFormat(FastDefaults.DATA_FORMAT);
  }

  private static DepthwiseConvolution2D.Builder depthwiseBuilder() {
    return new DepthwiseConvolution2D.Builder(3, 3)
        .stride(2, 2)
        .convolutionMode(ConvolutionMode.Same)
        .activation(Activation.IDENTITY)
        .dataFormat(FastDefaults.DATA_FORMAT);
  }

  private static SeparableConvolution2D.Builder separableBuilder() {
    return new SeparableConvolution2D.Builder(3, 3)
        .nOut(4)
        .convolutionMode(ConvolutionMode.Same)
        .activation(Activation.IDENTITY)
        .dataFormat(FastDefaults.DATA_FORMAT);
  }

  private static OutputLayer outputLayer(int in, int classes) {
    return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
        .nIn(in)
        .nOut(classes)
        .activation(Activation.SOFTMAX)
        .build();
  }
}
