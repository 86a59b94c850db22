package dev.musket.engine.cli;

import dev.musket.engine.model.GraphDefaults;
import dev.musket.engine.model.ModelAssembler;
import dev.musket.engine.model.ModelRegistry;
import dev.musket.engine.model.ModelSpec;
import dev.musket.engine.model.ModelSummary;
import dev.musket.engine.model.Pooling;
import dev.musket.engine.model.UnknownArchitectureException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code musket summary}: the layer table of an architecture with Musket's head (or Keras' top),
 * ending with {@code Total params: N}. Computed from the configuration, so even NASNetLarge is
 * summarised without allocating its parameters.
 */
@Command(
    name = "summary",
    mixinStandardHelpOptions = true,
    description = "Print an architecture's layers and its parameter count.")
final class SummaryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--architecture",
      required = true,
      paramLabel = "NAME",
      description = "Architecture name, any case (e.g. ResNet50, densenet121).")
  String architecture;

  @Option(
      names = "--shape",
      required = true,
      paramLabel = "H,W,C",
      split = ",",
      description = "Input height, width and channels.")
  int[] shape;

  @Option(names = "--classes", defaultValue = "1000", paramLabel = "N", description = "Classes.")
  int classes;

  @Option(
      names = "--activation",
      defaultValue = "softmax",
      paramLabel = "NAME",
      description = "Activation of the output layer (default: ${DEFAULT-VALUE}).")
  String activation;

  @Option(
      names = "--pooling",
      defaultValue = "avg",
      paramLabel = "avg|max",
      description = "Global pooling before the head (default: ${DEFAULT-VALUE}).")
  String pooling;

  @Option(
      names = {"--include-top", "--include_top"},
      description = "Keras' own classifier instead of Musket's head (reference parameter counts).")
  boolean includeTop;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (shape.length != 3) {
      err.println("musket summary: --shape needs H,W,C, got " + shape.length + " numbers");
      return 2;
    }
    ModelRegistry registry = ModelRegistry.standard();
    try {
      ModelSpec model =
          ModelSpec.builder(architecture)
              .shape(shape[0], shape[1], shape[2])
              .classes(classes)
              .activation(activation)
              .pooling(Pooling.parse(pooling))
              .includeTop(includeTop)
              .build();
      ModelSummary summary =
          ModelSummary.of(
              new ModelAssembler(registry).configuration(model),
              GraphDefaults.imageInput(shape[0], shape[1], shape[2]));
      print(out, registry.canonicalName(architecture), summary);
      return 0;
    } catch (UnknownArchitectureException e) {
      err.println("musket summary: " + e.getMessage());
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("musket summary: " + e.getMessage());
      return 2;
    }
  }

  private static void print(PrintWriter out, String name, ModelSummary summary) {
    int nameWidth = "Layer".length();
    for (ModelSummary.Row row : summary.rows()) {
      nameWidth = Math.max(nameWidth, row.name().length());
    }
    String format = "%-" + nameWidth + "s  %-26s  %-16s  %12s  %s%n";
    out.println("Model: " + name);
    out.printf(format, "Layer", "Type", "Output (C,H,W)", "Params", "Inputs");
    out.println("-".repeat(nameWidth + 62));
    for (ModelSummary.Row row : summary.rows()) {
      out.printf(
          format,
          row.name(),
          row.type(),
          row.outputShape(),
          row.params(),
          String.join(", ", row.inputs()));
    }
    out.println("-".repeat(nameWidth + 62));
    out.println("Total params: " + summary.totalParams());
    out.flush();
  }
}
