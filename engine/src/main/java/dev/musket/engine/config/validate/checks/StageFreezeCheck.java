package dev.musket.engine.config.validate.checks;

import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.validate.CheckContext;
import dev.musket.engine.config.validate.ConfigCheck;

/** A stage cannot both freeze and unfreeze the encoder. */
public final class StageFreezeCheck implements ConfigCheck {

  @Override
  public void check(CheckContext c) {
    for (ConfigNode.Mapping stage : c.stages()) {
      if (isTrue(stage, "freeze_encoder") && isTrue(stage, "unfreeze_encoder")) {
        c.sink()
            .error(
                stage.get("unfreeze_encoder").orElseThrow(),
                "this stage sets both freeze_encoder and unfreeze_encoder to true; keep one");
      }
    }
  }

  private static boolean isTrue(ConfigNode.Mapping map, String key) {
    return map.get(key).orElse(null) instanceof ConfigNode.Scalar s
        && Boolean.TRUE.equals(s.value());
  }
}
