package dev.musket.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LossExpressionTest {

  @Test
  void aSingleNameIsOneTermOfWeightOne() {
    LossExpression e = LossExpression.parse("binary_crossentropy").expression();
    assertThat(e.isSingle()).isTrue();
    assertThat(e.terms()).containsExactly(new LossExpression.Term(1, "binary_crossentropy"));
  }

  @Test
  void weightsMultiplyWithinATermAndTermsAdd() {
    LossExpression e = LossExpression.parse("binary_crossentropy+0.5*2*dice_loss").expression();
    assertThat(e.terms())
        .containsExactly(
            new LossExpression.Term(1, "binary_crossentropy"),
            new LossExpression.Term(1, "dice_loss"));
    assertThat(LossExpression.parse("3e-1*focal_loss").expression().terms().get(0).weight())
        .isEqualTo(0.3);
  }

  @Test
  void malformedExpressionsSayWhy() {
    assertThat(LossExpression.parse("").error()).isEqualTo("it is empty; give a loss name");
    assertThat(LossExpression.parse("a-b").error())
        .isEqualTo("'a-b' in 'a-b' is neither a loss name nor a number");
    assertThat(LossExpression.parse("0.1*").error())
        .isEqualTo("'' in '0.1*' is neither a loss name nor a number");
  }
}
