package dev.musket.engine.train.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.musket.engine.config.LossExpression;
import dev.musket.engine.train.metric.MetricNames;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/** The losses inside a real DL4J output layer: configuration JSON, score and a training step. */
class LossInNetworkTest {

  private static MultiLayerConfiguration configuration(ILossFunction loss) {
    return new NeuralNetConfiguration.Builder()
        .seed(7)
        .dataType(DataType.DOUBLE)
        .updater(new Sgd(0.1))
        .list()
        .layer(
            new OutputLayer.Builder()
                .nIn(3)
                .nOut(2)
                .activation(Activation.SIGMOID)
                .lossFunction(loss)
                .build())
        .build();
  }

  @Test
  void aCompositeLossSurvivesTheConfigurationJson() {
    ILossFunction loss =
        LossRegistry.withBuiltIns()
            .build(LossExpression.parse("binary_crossentropy+0.1*dice_loss+mse").expression());
    MultiLayerConfiguration conf = configuration(loss);

    MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());

    assertThat(((OutputLayer) back.getConf(0).getLayer()).getLossFn()).isEqualTo(loss);
  }

  @Test
  void eachHeadOfAGraphScoresWithItsOwnLossAndTheTotalIsTheirSum() {
    List<ILossFunction> losses =
        LossRegistry.withBuiltIns()
            .forOutputs(
                List.of(
                    LossExpression.parse("categorical_crossentropy").expression(),
                    LossExpression.parse("binary_crossentropy+0.5*focal_loss").expression()),
                2);
    ComputationGraph graph =
        new ComputationGraph(
            new NeuralNetConfiguration.Builder()
                .seed(5)
                .dataType(DataType.DOUBLE)
                .updater(new Sgd(0.1))
                .graphBuilder()
                .addInputs("in")
                .addLayer(
                    MetricNames.headName(0),
                    new OutputLayer.Builder()
                        .nIn(3)
                        .nOut(3)
                        .activation(Activation.SOFTMAX)
                        .lossFunction(losses.get(0))
                        .build(),
                    "in")
                .addLayer(
                    MetricNames.headName(1),
                    new OutputLayer.Builder()
                        .nIn(3)
                        .nOut(2)
                        .activation(Activation.SIGMOID)
                        .lossFunction(losses.get(1))
                        .build(),
                    "in")
                .setOutputs(MetricNames.headName(0), MetricNames.headName(1))
                .build());
    graph.init();
    INDArray x = Nd4j.rand(DataType.DOUBLE, 4, 3);
    INDArray y0 = Nd4j.create(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}});
    INDArray y1 = Nd4j.create(new double[][] {{1, 0}, {0, 1}, {1, 1}, {0, 0}});

    double total = graph.score(new MultiDataSet(new INDArray[] {x}, new INDArray[] {y0, y1}));

    INDArray[] pre = {
      x.mmul(graph.getParam(MetricNames.headName(0) + "_W"))
          .addRowVector(graph.getParam(MetricNames.headName(0) + "_b")),
      x.mmul(graph.getParam(MetricNames.headName(1) + "_W"))
          .addRowVector(graph.getParam(MetricNames.headName(1) + "_b"))
    };
    double head0 = losses.get(0).computeScore(y0, pre[0], new ActivationSoftmax(), null, true);
    double head1 = losses.get(1).computeScore(y1, pre[1], new ActivationSigmoid(), null, true);
    assertThat(total).isCloseTo(head0 + head1, within(1e-9));
  }

  @Test
  void sparseTargetsTrainASoftmaxHead() {
    ILossFunction loss = LossRegistry.withBuiltIns().resolve("sparse_categorical_crossentropy");
    MultiLayerConfiguration conf =
        new NeuralNetConfiguration.Builder()
            .seed(7)
            .dataType(DataType.DOUBLE)
            .updater(new Sgd(0.5))
            .list()
            .layer(
                new OutputLayer.Builder()
                    .nIn(3)
                    .nOut(3)
                    .activation(Activation.SOFTMAX)
                    .lossFunction(loss)
                    .build())
            .build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    DataSet data =
        new DataSet(
            Nd4j.eye(3).castTo(DataType.DOUBLE), Nd4j.create(new double[][] {{0}, {1}, {2}}));
    double before = net.score(data);
    for (int i = 0; i < 20; i++) {
      net.fit(data);
    }
    assertThat(net.score(data)).isLessThan(before);
  }

  @Test
  void theNetworkReportsTheKerasBatchLossAndTrainsDownhill() {
    ILossFunction loss = LossRegistry.withBuiltIns().resolve("binary_crossentropy");
    MultiLayerNetwork net = new MultiLayerNetwork(configuration(loss));
    net.init();
    INDArray x = Nd4j.rand(DataType.DOUBLE, 8, 3);
    INDArray y = Nd4j.create(new double[][] {{1, 0}, {0, 1}, {1, 1}, {0, 0}}).repeat(0, 2);
    DataSet data = new DataSet(x, y);

    double before = net.score(data);
    INDArray preOutput = x.mmul(net.getParam("0_W")).addRowVector(net.getParam("0_b"));
    assertThat(before)
        .isCloseTo(
            loss.computeScore(y, preOutput, new ActivationSigmoid(), null, true), within(1e-9));
    for (int i = 0; i < 20; i++) {
      net.fit(data);
    }
    assertThat(net.score(data)).isLessThan(before);
  }
}
