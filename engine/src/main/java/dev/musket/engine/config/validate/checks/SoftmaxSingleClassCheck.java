package dev.musket.engine.config.validate.checks;

import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.validate.CheckContext;
import dev.musket.engine.config.validate.ConfigCheck;

/** Softmax over a single unit always outputs 1.0: such a network cannot learn anything. */
public final class SoftmaxSingleClassCheck implements ConfigCheck {

  @Override
  public void check(CheckContext c) {
    if (c.get("classes").orElse(null) instanceof ConfigNode.Scalar classes
        && classes.isInteger()
        && classes.asLong() == 1
        && c.get("activation").orElse(null) instanceof ConfigNode.Scalar activation
        && "softmax".equalsIgnoreCase(activation.asText())) {
      c.sink()
          .warning(
              activation,
              "softmax over 1 class always outputs 1.0, so nothing can be learned; use sigmoid for"
                  + " a single class");
    }
  }
}
