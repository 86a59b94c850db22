package dev.musket.engine.config.validate.checks;

import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.validate.CheckContext;
import dev.musket.engine.config.validate.ConfigCheck;
import java.util.List;

/**
 * {@code extra_train_data} given as a name must name one of the config's {@code datasets:} (after
 * the {@code common.yaml} merge): otherwise the run would fail only once training starts.
 */
public final class ExtraTrainDataCheck implements ConfigCheck {

  @Override
  public void check(CheckContext c) {
    if (!(c.get("extra_train_data").orElse(null) instanceof ConfigNode.Scalar name)
        || !name.isString()) {
      return;
    }
    List<String> defined =
        c.get("datasets").orElse(null) instanceof ConfigNode.Mapping datasets
            ? datasets.keys()
            : List.of();
    if (defined.contains(name.asText())) {
      return;
    }
    c.sink()
        .error(
            name,
            "extra_train_data names the dataset '"
                + name.asText()
                + "', which 'datasets:' does not define"
                + (defined.isEmpty() ? "" : " (it defines " + String.join(", ", defined) + ")")
                + "; add it under 'datasets:' or write it inline, e.g. extra_train_data:"
                + " {image_folder: [data/extra]}");
  }
}
