package dev.musket.engine.config.schema;

import java.util.List;
import java.util.Map;

/**
 * Writes {@code docs/config-reference.md} from the {@link Schema}: every property, component and
 * name with its type, default and doc. The file is generated, never edited; a test fails when it is
 * stale.
 */
public final class ReferenceDocWriter {

  private final Schema schema;

  public ReferenceDocWriter(Schema schema) {
    this.schema = schema;
  }

  public String write() {
    StringBuilder md = new StringBuilder();
    md.append("# Config reference: `#%Musket Classification 1.0`\n\n")
        .append(
            "<!-- Generated from engine/src/main/resources/dev/musket/engine/config/schema/ by\n")
        .append(
            "     `./musket schema --reference --out docs/config-reference.md`. Do not edit. -->\n\n")
        .append(
            "An experiment is a folder under `experiments/` holding a `config.yaml`; the project's\n")
        .append(
            "`common.yaml` is merged into it (keys it lacks are copied; `callbacks`, `datasets`,\n")
        .append(
            "`declarations` and `tasks` merge per sub-key). `./musket validate FILE` checks a config\n")
        .append("against everything below; `./musket schema` exports it as JSON Schema.\n\n");
    properties(md, "Root properties", schema.rootProperties());
    properties(md, "Stage properties (items of `stages`)", schema.stageProperties());
    names(
        md, "Architectures", "`architecture:`; case-insensitive", schema.architectures().entries());
    components(
        md,
        "Augmenters",
        "Under `augmentation:` (training only) and `transforms:` (training and inference). Write"
            + " `Name: value`: a map names the arguments, a scalar is the first positional argument, a list"
            + " gives the positional arguments in order (two numbers for a range parameter are that range; a list for a component whose first parameter is a list of augmenters is that list).",
        schema.augmenters().entries());
    components(
        md,
        "Callbacks",
        "Under `callbacks:` (every stage) or a stage's `callbacks:` (replace) / `extra_callbacks:` (add).",
        schema.callbacks().entries());
    components(
        md,
        "Dataset factories",
        "`dataset: {factory: arguments}` and `datasets: {name: {factory: arguments}}`; paths are relative"
            + " to the project folder. Project code in `modules/` may add factories.",
        schema.datasetFactories().entries());
    names(md, "Optimizers", "`optimizer:`; case-insensitive", schema.optimizers().entries());
    names(
        md,
        "Losses",
        "`loss:`; also weighted sums such as `binary_crossentropy+0.1*dice_loss`",
        schema.losses().entries());
    names(
        md,
        "Metrics",
        "`metrics:`, `primary_metric:` (with `val_` for validation, `_holdout` for the holdout)",
        schema.metrics().entries());
    names(md, "Activations", "`activation:`", schema.activations().entries());
    return md.toString();
  }

  private static void properties(StringBuilder md, String title, Map<String, PropertySpec> props) {
    md.append("## ").append(title).append("\n\n");
    md.append("| property | type | default | description |\n|---|---|---|---|\n");
    for (PropertySpec p : props.values()) {
      md.append("| `").append(p.name()).append('`');
      if (!p.aliases().isEmpty()) {
        md.append(" (alias ").append(String.join(", ", p.aliases())).append(')');
      }
      md.append(p.required() ? " **required**" : "")
          .append(" | ")
          .append(type(p))
          .append(" | ")
          .append(p.hasDefault() ? "`" + shown(p.defaultValue()) + "`" : "")
          .append(" | ")
          .append(cell(p.doc()))
          .append(" |\n");
    }
    md.append('\n');
  }

  private static void components(
      StringBuilder md, String title, String intro, List<ComponentDef> defs) {
    md.append("## ").append(title).append("\n\n").append(intro).append("\n\n");
    for (ComponentDef d : defs) {
      md.append("### ").append(d.name()).append("\n\n").append(d.doc()).append("\n\n");
      if (!d.aliases().isEmpty()) {
        md.append("Also written: ").append(String.join(", ", d.aliases())).append(".\n\n");
      }
      if (d.params().isEmpty()) {
        md.append("No parameters.\n\n");
        continue;
      }
      if (!d.positional().isEmpty()) {
        md.append("Positional order: ").append(String.join(", ", d.positional())).append(".\n\n");
      }
      md.append("| parameter | type | default | description |\n|---|---|---|---|\n");
      for (PropertySpec p : d.params().values()) {
        md.append("| `")
            .append(p.name())
            .append('`')
            .append(p.required() ? " **required**" : "")
            .append(" | ")
            .append(type(p))
            .append(" | ")
            .append(p.hasDefault() ? "`" + shown(p.defaultValue()) + "`" : "")
            .append(" | ")
            .append(cell(p.doc()))
            .append(" |\n");
      }
      md.append('\n');
    }
  }

  private static void names(
      StringBuilder md, String title, String intro, List<NamedEntry> entries) {
    md.append("## ").append(title).append("\n\n").append(intro).append(".\n\n");
    md.append("| name | description |\n|---|---|\n");
    for (NamedEntry e : entries) {
      md.append("| `").append(e.name()).append('`');
      if (!e.aliases().isEmpty()) {
        md.append(" (also ").append(String.join(", ", e.aliases())).append(')');
      }
      md.append(" | ").append(cell(e.doc())).append(" |\n");
    }
    md.append('\n');
  }

  private static String type(PropertySpec p) {
    String t = p.type().description();
    if (p.type() == ValueType.ENUM) {
      t = "one of " + String.join(", ", p.values().stream().map(v -> "`" + v + "`").toList());
    }
    if (p.length() != null) {
      t += " of length " + p.length();
    }
    String bounds = p.describeBounds();
    if (!bounds.isEmpty()) {
      t += ", " + bounds;
    }
    if (p.nullable()) {
      t += ", or null";
    }
    return cell(t);
  }

  private static String shown(Object v) {
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    return String.valueOf(v);
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
