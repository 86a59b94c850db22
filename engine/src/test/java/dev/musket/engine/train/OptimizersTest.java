package dev.musket.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.nn.conf.GradientNormalization;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

class OptimizersTest {

  @Test
  void adamTakesTheLearningRateAndKerasEpsilon() {
    OptimizerSettings s = Optimizers.settings("adam", 0.003, null, null);
    assertThat(s.updater()).isInstanceOf(Adam.class);
    Adam adam = (Adam) s.updater();
    assertThat(adam.getLearningRate()).isEqualTo(0.003);
    assertThat(adam.getEpsilon()).isEqualTo(1e-7);
    assertThat(adam.getBeta1()).isEqualTo(0.9);
    assertThat(s.gradientNormalization()).isEqualTo(GradientNormalization.None);
    assertThat(s.weightDecay()).isZero();
  }

  @Test
  void rmspropDecaysWithKerasRho() {
    RmsProp r = (RmsProp) Optimizers.settings("RMSprop", 0.001, null, null).updater();
    assertThat(r.getRmsDecay()).isEqualTo(0.9);
  }

  @Test
  void sgdIsPlainSgd() {
    assertThat(Optimizers.settings("SGD", 0.01, null, null).updater()).isEqualTo(new Sgd(0.01));
  }

  @Test
  void adamWIsAdamWithDecoupledWeightDecay() {
    OptimizerSettings s = Optimizers.settings("AdamW", 0.001, null, null);
    assertThat(s.updater()).isInstanceOf(Adam.class);
    assertThat(s.weightDecay()).isEqualTo(0.01);
  }

  @Test
  void clipnormAndClipvalueBecomeGradientNormalization() {
    OptimizerSettings norm = Optimizers.settings("Adam", 0.001, 1.5, null);
    assertThat(norm.gradientNormalization()).isEqualTo(GradientNormalization.ClipL2PerParamType);
    assertThat(norm.gradientThreshold()).isEqualTo(1.5);
    OptimizerSettings value = Optimizers.settings("Adam", 0.001, null, 0.5);
    assertThat(value.gradientNormalization())
        .isEqualTo(GradientNormalization.ClipElementWiseAbsoluteValue);
    assertThat(value.gradientThreshold()).isEqualTo(0.5);
    assertThat(Optimizers.settings("Adam", 0.001, 1.0, 0.5).gradientNormalization())
        .isEqualTo(GradientNormalization.ClipL2PerParamType);
  }

  @Test
  void everyOptimizerTheSchemaNamesHasAnUpdater() {
    for (String name :
        dev.musket.engine.config.schema.Schema.classification().optimizers().names()) {
      assertThat(Optimizers.settings(name, 0.01, null, null).updater()).as(name).isNotNull();
    }
    assertThatThrownBy(() -> Optimizers.settings("Lion", 0.01, null, null))
        .hasMessage("unknown optimizer 'Lion'");
  }
}
