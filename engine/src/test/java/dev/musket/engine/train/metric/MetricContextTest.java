package dev.musket.engine.train.metric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.config.InputShape;
import dev.musket.engine.config.LossExpression;
import dev.musket.engine.config.ModelSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricContextTest {

  private static LossExpression loss(String text) {
    return LossExpression.parse(text).expression();
  }

  @Test
  void eachHeadGetsItsWidthActivationAndLoss() {
    ModelSpec model =
        new ModelSpec(
            "resnet18",
            List.of(4, 1),
            List.of("softmax", "sigmoid"),
            new InputShape(32, 32, 3),
            "avg",
            null,
            0,
            false,
            false);
    List<MetricContext> heads =
        MetricContext.forHeads(
            model, List.of(loss("categorical_crossentropy"), loss("binary_crossentropy")));
    assertThat(heads)
        .containsExactly(
            new MetricContext(4, "softmax", loss("categorical_crossentropy")),
            new MetricContext(1, "sigmoid", loss("binary_crossentropy")));
  }

  @Test
  void oneActivationAndLossServeEveryHead() {
    ModelSpec model =
        new ModelSpec(
            "resnet18",
            List.of(3, 5),
            List.of("Sigmoid"),
            new InputShape(32, 32, 3),
            "avg",
            null,
            0,
            false,
            false);
    List<MetricContext> heads = MetricContext.forHeads(model, List.of(loss("mse")));
    assertThat(heads).extracting(MetricContext::activation).containsExactly("sigmoid", "sigmoid");
    assertThat(heads).extracting(MetricContext::outputWidth).containsExactly(3, 5);
    assertThat(heads.get(1).loss()).isEqualTo(loss("mse"));
  }
}
