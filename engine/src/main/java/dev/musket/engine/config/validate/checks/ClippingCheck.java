package dev.musket.engine.config.validate.checks;

import dev.musket.engine.config.validate.CheckContext;
import dev.musket.engine.config.validate.ConfigCheck;

/**
 * Keras applies both clipnorm and clipvalue; DL4J applies one clipping mode per network, so when
 * both are set only clipnorm is applied. Say so rather than silently drop one.
 */
public final class ClippingCheck implements ConfigCheck {

  @Override
  public void check(CheckContext c) {
    if (c.get("clipnorm").isPresent() && c.get("clipvalue").isPresent()) {
      c.sink()
          .warning(
              c.get("clipvalue").get(),
              "clipnorm and clipvalue are both set; only clipnorm is applied (one clipping mode per"
                  + " network), so remove one");
    }
  }
}
