package dev.musket.engine.train.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricNamesTest {

  @Test
  void aSingleOutputKeepsTheBareName() {
    assertThat(MetricNames.qualified("binary_accuracy", 0, 1, MetricScope.TRAINING))
        .isEqualTo("binary_accuracy");
    assertThat(MetricNames.qualified("binary_accuracy", 0, 1, MetricScope.VALIDATION))
        .isEqualTo("val_binary_accuracy");
    assertThat(MetricNames.qualified("macro_f1", 0, 1, MetricScope.HOLDOUT))
        .isEqualTo("macro_f1_holdout");
    assertThat(MetricNames.outputLoss(0, 1)).isEqualTo("loss");
  }

  @Test
  void severalOutputsArePrefixedWithTheirHeadName() {
    assertThat(MetricNames.headName(1)).isEqualTo("output_1");
    assertThat(MetricNames.qualified("categorical_accuracy", 1, 2, MetricScope.VALIDATION))
        .isEqualTo("val_output_1_categorical_accuracy");
    assertThat(MetricNames.outputLoss(0, 2)).isEqualTo("output_0_loss");
    assertThat(MetricNames.qualified("dice", 0, 3, MetricScope.HOLDOUT))
        .isEqualTo("output_0_dice_holdout");
    assertThatThrownBy(() -> MetricNames.forOutput("dice", 2, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theBaseNameDropsScopeAndHead() {
    assertThat(MetricNames.base("val_output_12_mae_holdout")).isEqualTo("mae");
    assertThat(MetricNames.base("val_binary_accuracy")).isEqualTo("binary_accuracy");
    assertThat(MetricNames.base("loss")).isEqualTo("loss");
    assertThat(MetricNames.scopeOf("val_loss")).isEqualTo(MetricScope.VALIDATION);
    assertThat(MetricNames.scopeOf("dice_holdout")).isEqualTo(MetricScope.HOLDOUT);
    assertThat(MetricNames.scopeOf("dice")).isEqualTo(MetricScope.TRAINING);
  }

  @Test
  void autoModeMinimisesLossLikeNamesAndMaximisesTheRest() {
    for (String name :
        new String[] {
          "loss",
          "val_loss",
          "val_dice_loss",
          "mse",
          "val_mae",
          "output_1_loss",
          "log_loss_holdout",
          "val_binary_crossentropy",
          "val_mean_absolute_error"
        }) {
      assertThat(MetricNames.mode(name, "auto")).as(name).isEqualTo(MetricMode.MIN);
    }
    for (String name :
        new String[] {"val_binary_accuracy", "val_macro_f1", "dice", "val_output_0_auc", "iou"}) {
      assertThat(MetricNames.mode(name, "auto")).as(name).isEqualTo(MetricMode.MAX);
    }
    assertThat(MetricNames.mode("val_binary_accuracy", null)).isEqualTo(MetricMode.MAX);
  }

  @Test
  void anExplicitModeWinsAndABadOneSaysWhy() {
    assertThat(MetricNames.mode("val_loss", "max")).isEqualTo(MetricMode.MAX);
    assertThat(MetricNames.mode("val_dice", "MIN")).isEqualTo(MetricMode.MIN);
    assertThatThrownBy(() -> MetricNames.mode("val_dice", "biggest"))
        .hasMessageContaining("use auto, min or max");
  }

  @Test
  void aModeComparesValuesAndNeverPrefersNaN() {
    assertThat(MetricMode.MIN.isBetter(0.1, 0.2)).isTrue();
    assertThat(MetricMode.MAX.isBetter(0.1, 0.2)).isFalse();
    assertThat(MetricMode.MAX.isBetter(Double.NaN, 0.2)).isFalse();
    assertThat(MetricMode.MAX.isBetter(0.2, Double.NaN)).isTrue();
  }
}
