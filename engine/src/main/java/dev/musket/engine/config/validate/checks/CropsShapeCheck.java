package dev.musket.engine.config.validate.checks;

import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.validate.CheckContext;
import dev.musket.engine.config.validate.ConfigCheck;

/** {@code crops: N} cuts images into N x N cells, so height and width must divide by N. */
public final class CropsShapeCheck implements ConfigCheck {

  @Override
  public void check(CheckContext c) {
    if (!(c.get("crops").orElse(null) instanceof ConfigNode.Scalar crops && crops.isInteger())
        || crops.asLong() < 1
        || !(c.get("shape").orElse(null) instanceof ConfigNode.Sequence shape)
        || shape.items().size() != 3) {
      return;
    }
    long n = crops.asLong();
    for (int i = 0; i < 2; i++) {
      if (shape.items().get(i) instanceof ConfigNode.Scalar side
          && side.isInteger()
          && side.asLong() % n != 0) {
        c.sink()
            .error(
                crops,
                "'crops' is "
                    + n
                    + " but the shape's "
                    + (i == 0 ? "height" : "width")
                    + " "
                    + side.asLong()
                    + " does not divide by "
                    + n);
      }
    }
  }
}
