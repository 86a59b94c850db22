package dev.musket.engine.config.validate.checks;

import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.validate.CheckContext;
import dev.musket.engine.config.validate.ConfigCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules between one callback's arguments: LRVariator needs exactly one window size (relSize or
 * absSize) and at most one period; CyclicLR's base_lr must be below max_lr.
 */
public final class CallbackArgumentsCheck implements ConfigCheck {

  @Override
  public void check(CheckContext c) {
    for (ConfigNode.Mapping callbacks : callbackMaps(c)) {
      for (ConfigNode.Entry e : callbacks.entries()) {
        if (!(e.value() instanceof ConfigNode.Mapping args)) {
          continue;
        }
        if (e.key().equalsIgnoreCase("LRVariator")) {
          lrVariator(c, args);
        } else if (e.key().equalsIgnoreCase("CyclicLR")) {
          cyclic(c, args);
        }
      }
    }
  }

  private static void lrVariator(CheckContext c, ConfigNode.Mapping args) {
    boolean rel = args.has("relSize");
    boolean abs = args.has("absSize");
    if (rel == abs) {
      c.sink()
          .error(
              args,
              rel
                  ? "LRVariator takes relSize (epochs) or absSize (batches), not both"
                  : "LRVariator needs its window size: relSize (epochs) or absSize (batches)");
    }
    if (args.has("periodEpochs") && args.has("periodSteps")) {
      c.sink().error(args, "LRVariator takes periodEpochs or periodSteps, not both");
    }
    if (args.get("then").orElse(null) instanceof ConfigNode.Mapping then) {
      for (ConfigNode.Entry e : then.entries()) {
        if (e.key().equalsIgnoreCase("LRVariator") && e.value() instanceof ConfigNode.Mapping a) {
          lrVariator(c, a);
        }
      }
    }
  }

  private static void cyclic(CheckContext c, ConfigNode.Mapping args) {
    if (args.get("base_lr").orElse(null) instanceof ConfigNode.Scalar base
        && args.get("max_lr").orElse(null) instanceof ConfigNode.Scalar max
        && base.isNumber()
        && max.isNumber()
        && base.asDouble() >= max.asDouble()) {
      c.sink()
          .error(
              base,
              "CyclicLR's base_lr ("
                  + base.text()
                  + ") must be below its max_lr ("
                  + max.text()
                  + ")");
    }
  }

  /** The global callbacks and every stage's callbacks and extra_callbacks. */
  static List<ConfigNode.Mapping> callbackMaps(CheckContext c) {
    List<ConfigNode.Mapping> out = new ArrayList<>();
    c.get("callbacks")
        .filter(n -> n instanceof ConfigNode.Mapping)
        .ifPresent(n -> out.add((ConfigNode.Mapping) n));
    for (ConfigNode.Mapping stage : c.stages()) {
      for (String key : new String[] {"callbacks", "extra_callbacks"}) {
        stage
            .get(key)
            .filter(n -> n instanceof ConfigNode.Mapping)
            .ifPresent(n -> out.add((ConfigNode.Mapping) n));
      }
    }
    return out;
  }
}
