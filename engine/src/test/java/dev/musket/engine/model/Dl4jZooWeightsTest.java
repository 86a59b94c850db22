package dev.musket.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInitXavier;
import org.deeplearning4j.zoo.PretrainedType;
import org.deeplearning4j.zoo.ZooModel;
import org.deeplearning4j.zoo.model.NASNet;
import org.deeplearning4j.zoo.model.ResNet50;
import org.deeplearning4j.zoo.model.VGG16;
import org.deeplearning4j.zoo.model.VGG19;
import org.deeplearning4j.zoo.model.Xception;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The DL4J model zoo's networks, built by the zoo itself with random weights ({@code init()}, so
 * nothing is downloaded) and saved as the zoo saves its weights files, load into our architectures
 * through {@link PretrainedWeights}, and our network then computes what the zoo's computes on the
 * same input: same function, so every parameter landed on the right layer.
 *
 * <p>The zoo's VGG16 and VGG19 are Keras' networks as they are. Its Xception uses DL4J's default
 * batch-norm epsilon (1e-5) where Keras has 1e-3, and its convolutions apply DL4J's default
 * activation, the sigmoid, where Keras' are linear; its ResNet50 uses 1e-5 where Keras has
 * 1.001e-5, strides stage 2's first block by 2 where Keras strides by 1, and max-pools the stem
 * without Keras' one-pixel padding. Those departures are undone in the zoo's own graph builder
 * before the comparison; the parameters are untouched.
 */
class Dl4jZooWeightsTest {

  private static final long SEED = 7;

  @TempDir Path folder;

  @BeforeAll
  static void floats() {
    Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
  }

  @Test
  @Timeout(180)
  void vgg16FromTheZooComputesWhatOurVgg16Computes() throws Exception {
    ComputationGraph zoo =
        VGG16.builder().inputShape(new int[] {3, 64, 64}).numClasses(10).build().init();
    PretrainedWeights.save(zoo, folder.resolve("vgg16.zip"));

    ComputationGraph ours = ourPretrained("VGG16", 64, 64);

    INDArray image = image(64, 64);
    assertSameFunction(
        features(ours, image, "block5_pool"), features(zoo, flat(image), "17"), "VGG16");
  }

  @Test
  @Timeout(180)
  void vgg19FromTheZooUnderItsPublishedFileName() throws Exception {
    // the zoo reads inputShape as {channels, width, height}: a 32 high, 48 wide image
    ComputationGraph zoo =
        VGG19.builder().inputShape(new int[] {3, 48, 32}).numClasses(10).build().init();
    PretrainedWeights.save(zoo, folder.resolve("vgg19_dl4j_inference.zip"));

    ComputationGraph ours = ourPretrained("VGG19", 32, 48);

    INDArray image = image(32, 48);
    assertSameFunction(
        features(ours, image, "block5_pool"), features(zoo, flat(image), "20"), "VGG19");
  }

  @Test
  @Timeout(180)
  void resNet50FromTheZooComputesWhatOurResNet50Computes() throws Exception {
    GraphBuilder graph =
        ResNet50.builder()
            .inputShape(new int[] {3, 64, 64})
            .numClasses(10)
            // the zoo's default, a normal of deviation 0.5, overflows float through 50 layers
            .weightInit(new WeightInitXavier())
            .build()
            .graphBuilder();
    // the zoo's departures from Keras' ResNet50 (see the class comment)
    setEpsilon(graph, 1.001e-5);
    convolution(graph, "res2a_branch2a").setStride(new int[] {1, 1});
    convolution(graph, "res2a_branch1").setStride(new int[] {1, 1});
    // padding a max pooling of ReLU outputs (>= 0) equals Keras' zero padding before it
    ((SubsamplingLayer) layer(graph, "stem-maxpool1")).setPadding(new int[] {1, 1});
    // the zoo's 3x3 "avgpool" head needs more than 64x64; the encoder ends at res5c_branch
    graph.removeVertex("output").removeVertex("avgpool").setOutputs("res5c_branch");
    ComputationGraph zoo = init(graph);
    PretrainedWeights.save(randomBatchNorms(zoo), folder.resolve("resnet50_dl4j_inference.v3.zip"));

    ComputationGraph ours = ourPretrained("ResNet50", 64, 64);

    INDArray image = image(64, 64);
    assertSameFunction(
        features(ours, image, "stage5_block3_out"),
        features(zoo, image, "res5c_branch"),
        "ResNet50");
  }

  @Test
  @Timeout(180)
  void xceptionFromTheZooComputesWhatOurXceptionComputes() throws Exception {
    GraphBuilder graph =
        Xception.builder().inputShape(new int[] {3, 75, 80}).numClasses(10).build().graphBuilder();
    graph.addInputs("input").setInputTypes(InputType.convolutional(75, 80, 3));
    setEpsilon(graph, 1e-3);
    makeConvolutionsLinear(graph);
    keepActivationInputs(graph);
    ComputationGraph zoo = init(graph);
    PretrainedWeights.save(randomBatchNorms(zoo), folder.resolve("xception.zip"));

    ComputationGraph ours = ourPretrained("Xception", 75, 80);

    INDArray image = image(75, 80);
    assertSameFunction(
        features(ours, image, "block14_relu2"),
        features(zoo, image, "block14_sepconv2_act"),
        "Xception");
  }

  /** The file names the engine looks for are the ones the zoo publishes. */
  @Test
  void zooFileNamesAreTheZoosOwn() {
    assertPublishedAs("ResNet50", ResNet50.builder().build(), PretrainedType.IMAGENET);
    assertPublishedAs("VGG16", VGG16.builder().build(), PretrainedType.IMAGENET);
    assertPublishedAs("VGG19", VGG19.builder().build(), PretrainedType.IMAGENET);
    assertPublishedAs("Xception", Xception.builder().build(), PretrainedType.IMAGENET);
    assertPublishedAs("NASNetMobile", NASNet.builder().build(), PretrainedType.IMAGENET);
    assertPublishedAs("NASNetLarge", NASNet.builder().build(), PretrainedType.IMAGENETLARGE);
  }

  private void assertPublishedAs(String architecture, ZooModel<?> zoo, PretrainedType type) {
    String url = zoo.pretrainedUrl(type);
    assertThat(new PretrainedWeights(folder).zooFileFor(architecture))
        .as(architecture)
        .contains(folder.resolve(url.substring(url.lastIndexOf('/') + 1)));
  }

  private ComputationGraph ourPretrained(String architecture, int height, int width) {
    ModelAssembler assembler =
        new ModelAssembler(ModelRegistry.standard(), new PretrainedWeights(folder));
    return assembler.build(
        ModelSpec.builder(architecture)
            .shape(height, width, 3)
            .classes(2)
            .weights("imagenet")
            .build());
  }

  private static ComputationGraph init(GraphBuilder graph) {
    ComputationGraph network = new ComputationGraph(graph.build());
    network.init();
    return network;
  }

  private static org.deeplearning4j.nn.conf.layers.Layer layer(GraphBuilder graph, String name) {
    return ((LayerVertex) graph.getVertices().get(name)).getLayerConf().getLayer();
  }

  private static ConvolutionLayer convolution(GraphBuilder graph, String name) {
    return (ConvolutionLayer) layer(graph, name);
  }

  private static void setEpsilon(GraphBuilder graph, double epsilon) {
    for (GraphVertex vertex : graph.getVertices().values()) {
      if (vertex instanceof LayerVertex layerVertex
          && layerVertex.getLayerConf().getLayer() instanceof BatchNormalization batchNorm) {
        assertThat(batchNorm.getEps()).as("the zoo's epsilon").isEqualTo(1e-5);
        batchNorm.setEps(epsilon);
      }
    }
  }

  /**
   * The zoo's Xception sets no activation on its convolutions, so they take DL4J's network-wide
   * default, the sigmoid; Keras' are linear.
   */
  private static void makeConvolutionsLinear(GraphBuilder graph) {
    for (GraphVertex vertex : graph.getVertices().values()) {
      if (vertex instanceof LayerVertex layerVertex
          && layerVertex.getLayerConf().getLayer() instanceof ConvolutionLayer convolution) {
        assertThat(convolution.getActivationFn())
            .as("the zoo's activation on %s", vertex)
            .isInstanceOf(ActivationSigmoid.class);
        convolution.setActivationFn(new ActivationIdentity());
      }
    }
  }

  /**
   * DL4J's {@code ActivationLayer} applies its function to its input in place in inference (its
   * {@code activate} only dups in training), so where that input also feeds another vertex, as
   * Xception's residual sums do, the other vertex reads the activated values: not Keras' network.
   * The engine's activation layer writes a new array; the zoo's graph gets it too, so both compute
   * Keras' function.
   */
  private static void keepActivationInputs(GraphBuilder graph) {
    for (GraphVertex vertex : graph.getVertices().values()) {
      if (vertex instanceof LayerVertex layerVertex
          && layerVertex.getLayerConf().getLayer()
              instanceof org.deeplearning4j.nn.conf.layers.ActivationLayer activation) {
        var replacement =
            dev.musket.engine.runtime.FastDefaults.activation(
                new org.deeplearning4j.nn.conf.layers.ActivationLayer.Builder()
                    .activation(activation.getActivationFn()));
        replacement.setLayerName(activation.getLayerName());
        assertThat(replacement)
            .as("the engine's layer covers %s", activation.getActivationFn())
            .isInstanceOf(dev.musket.engine.onednn.OneDnnActivationLayer.class);
        layerVertex.getLayerConf().setLayer(replacement);
      }
    }
  }

  /**
   * Gives every batch norm its own statistics, scale and offset: freshly initialised ones are all
   * alike (mean 0, variance 1), so swapped batch norms would go unnoticed.
   */
  private static ComputationGraph randomBatchNorms(ComputationGraph network) {
    Nd4j.getRandom().setSeed(SEED);
    for (Layer layer : network.getLayers()) {
      if (layer.conf().getLayer() instanceof BatchNormalization) {
        layer.paramTable().forEach((key, value) -> value.assign(randomFor(key, value)));
      }
    }
    return network;
  }

  private static INDArray randomFor(String key, INDArray like) {
    INDArray uniform = Nd4j.rand(DataType.FLOAT, like.shape());
    return switch (key) {
      case "gamma" -> uniform.addi(0.5); // [0.5, 1.5)
      case "log10stdev" -> uniform.subi(0.5).muli(0.4); // stdev in [0.63, 1.58)
      default -> uniform.subi(0.5); // beta, mean: [-0.5, 0.5)
    };
  }

  private static INDArray image(int height, int width) {
    Nd4j.getRandom().setSeed(SEED + 1);
    return Nd4j.rand(DataType.FLOAT, 2, 3, height, width);
  }

  /** The zoo's VGGs take flattened images (InputType.convolutionalFlat), channels first. */
  private static INDArray flat(INDArray image) {
    return image.reshape('c', image.size(0), image.length() / image.size(0));
  }

  private static INDArray features(ComputationGraph network, INDArray input, String vertex) {
    INDArray features = network.feedForward(input, false).get(vertex);
    assertThat(features).as("activations of %s", vertex).isNotNull();
    return features.dup();
  }

  private static void assertSameFunction(INDArray ours, INDArray zoo, String architecture) {
    assertThat(ours.shape()).as(architecture).containsExactly(zoo.shape());
    double scale = Math.max(1e-3, zoo.amaxNumber().doubleValue());
    double difference = ours.sub(zoo).amaxNumber().doubleValue();
    assertThat(difference)
        .as("%s: largest difference, against activations up to %s", architecture, scale)
        .isLessThanOrEqualTo(1e-4 * scale);
    assertThat(zoo.amaxNumber().doubleValue())
        .as("%s features are not all zero", architecture)
        .isPositive();
  }
}
