package dev.musket.engine.config.validate.checks;

import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.validate.CheckContext;
import dev.musket.engine.config.validate.ConfigCheck;

/**
 * A multi-output network has one head per entry of {@code classes}; lists of activations and losses
 * must give one entry per head. (A single activation or loss is shared by every head.)
 */
public final class MultiOutputCheck implements ConfigCheck {

  @Override
  public void check(CheckContext c) {
    int outputs = c.listLength("classes");
    boolean classesIsList = c.get("classes").orElse(null) instanceof ConfigNode.Sequence;
    for (String key : new String[] {"activation", "loss"}) {
      if (c.get(key).orElse(null) instanceof ConfigNode.Sequence list
          && list.items().size() != outputs) {
        c.sink()
            .error(
                list,
                "'"
                    + key
                    + "' lists "
                    + list.items().size()
                    + " entries but 'classes' "
                    + (classesIsList ? "lists " + outputs + " outputs" : "is a single output")
                    + "; give one "
                    + key
                    + " per output");
      }
    }
    for (ConfigNode.Mapping stage : c.stages()) {
      if (stage.get("loss").orElse(null) instanceof ConfigNode.Sequence list
          && list.items().size() != outputs) {
        c.sink()
            .error(
                list,
                "this stage's 'loss' lists "
                    + list.items().size()
                    + " entries but the network has "
                    + outputs
                    + " output"
                    + (outputs == 1 ? "" : "s"));
      }
    }
  }
}
