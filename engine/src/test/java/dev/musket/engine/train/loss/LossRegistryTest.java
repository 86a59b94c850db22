package dev.musket.engine.train.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.musket.engine.config.LossExpression;
import dev.musket.engine.config.StageConfig;
import dev.musket.engine.config.TrainingSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

class LossRegistryTest {

  private final LossRegistry registry = LossRegistry.withBuiltIns();

  private static LossExpression expression(String text) {
    return LossExpression.parse(text).expression();
  }

  @Test
  void everyCatalogLossResolves() {
    for (String name :
        List.of(
            "binary_crossentropy",
            "categorical_crossentropy",
            "sparse_categorical_crossentropy",
            "mse",
            "mae",
            "mean_squared_error",
            "mean_absolute_error",
            "dice_loss",
            "jaccard_loss",
            "focal_loss",
            "f1_loss",
            "lovasz_loss",
            "log_loss",
            "iou_loss",
            "l2_loss")) {
      assertThat(registry.resolve(name)).as(name).isNotNull();
    }
  }

  @Test
  void namesResolveCaseInsensitively() {
    assertThat(registry.resolve("Binary_CrossEntropy")).isInstanceOf(BinaryCrossentropyLoss.class);
  }

  @Test
  void aSingleNameBuildsThatLossAndACompositeBuildsAWeightedSum() {
    assertThat(registry.build(expression("dice_loss"))).isInstanceOf(DiceLoss.class);
    ILossFunction sum = registry.build(expression("binary_crossentropy+0.1*dice_loss"));
    assertThat(sum).isInstanceOf(WeightedSumLoss.class);
    assertThat(sum.name()).isEqualTo("binary_crossentropy+0.1*dice_loss");
  }

  @Test
  void aWeightedSumScoresTheSumOfItsWeightedTerms() {
    var y = Nd4j.create(new double[][] {{1, 0}});
    var p = Nd4j.create(new double[][] {{0.8, 0.4}});
    var identity = new ActivationIdentity();
    double bce = (-Math.log(0.8) - Math.log(0.6)) / 2;
    double dice = 1 - 2.6 / 2.8;
    ILossFunction sum = registry.build(expression("binary_crossentropy+0.1*dice_loss"));
    assertThat(sum.computeScore(y, p, identity, null, true))
        .isCloseTo(bce + 0.1 * dice, within(1e-12));
  }

  @Test
  void oneLossServesEveryOutputAndAListGivesOnePerOutput() {
    assertThat(registry.forOutputs(List.of(expression("mse")), 3)).hasSize(3);
    List<ILossFunction> two =
        registry.forOutputs(List.of(expression("mae"), expression("log_loss")), 2);
    assertThat(two.get(0)).isInstanceOf(MeanAbsoluteErrorLoss.class);
    assertThat(two.get(1)).isInstanceOf(LogLoss.class);
    assertThatThrownBy(() -> registry.forOutputs(List.of(expression("mae"), expression("mse")), 3))
        .hasMessageContaining("3 outputs but 2 losses");
  }

  @Test
  void aStageLossReplacesTheExperimentLoss() {
    TrainingSpec training = training(List.of(expression("binary_crossentropy")));
    assertThat(registry.forStage(training, stage(null), 1).get(0))
        .isInstanceOf(BinaryCrossentropyLoss.class);
    assertThat(registry.forStage(training, stage(List.of(expression("0.5*focal_loss"))), 1).get(0))
        .isInstanceOf(WeightedSumLoss.class);
  }

  private static TrainingSpec training(List<LossExpression> losses) {
    return new TrainingSpec(
        "Adam",
        0.001,
        null,
        null,
        8,
        32,
        losses,
        List.of(),
        "val_loss",
        "auto",
        List.of(),
        null,
        List.of(),
        List.of(),
        null,
        false,
        false);
  }

  private static StageConfig stage(List<LossExpression> losses) {
    return new StageConfig(1, null, losses, null, null, null, null, null, null, null, false);
  }

  @Test
  void projectCodeRegistersItsOwnLosses() {
    registry.register("My_Loss", MeanAbsoluteErrorLoss::new);
    assertThat(registry.isKnown("my_loss")).isTrue();
    assertThat(registry.build(expression("0.5*MY_LOSS+mse"))).isInstanceOf(WeightedSumLoss.class);
  }

  @Test
  void anUnknownNameSaysWhatIsKnown() {
    assertThatThrownBy(() -> registry.resolve("dise_loss"))
        .isInstanceOf(UnknownLossException.class)
        .hasMessageContaining("unknown loss 'dise_loss'")
        .hasMessageContaining("dice_loss");
  }
}
