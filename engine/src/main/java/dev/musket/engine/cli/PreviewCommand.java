package dev.musket.engine.cli;

import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.config.validate.Diagnostic;
import dev.musket.engine.data.AugmentationPreview;
import dev.musket.engine.data.ExperimentData;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code musket preview}: writes original and augmented images of a few dataset items, so the user
 * can check an augmentation before training on it.
 */
@Command(
    name = "preview",
    mixinStandardHelpOptions = true,
    description = "Write original and augmented samples of an experiment's dataset as PNG files.")
public final class PreviewCommand implements Callable<Integer> {

  @Option(names = "--project", required = true, description = "The project folder.")
  Path project;

  @Option(
      names = "--name",
      required = true,
      description = "The experiment (folder under experiments/).")
  String name;

  @Option(
      names = "--count",
      defaultValue = "8",
      description = "How many items (default ${DEFAULT-VALUE}).")
  int count;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the sample and augmentation (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, description = "Output folder.")
  Path out;

  @Override
  public Integer call() throws Exception {
    // the whole config is checked first, so a mistake anywhere is reported where it is written
    Path configFile = project.resolve("experiments").resolve(name).resolve("config.yaml");
    ExperimentLoader.Loaded checked = new ExperimentLoader().load(configFile);
    checked.diagnostics().forEach(d -> System.err.println(d.format()));
    if (checked.hasErrors()) {
      return 1;
    }
    ExperimentData.Build build = ExperimentData.from(checked.config().orElseThrow(), project);
    for (Diagnostic d : build.diagnostics()) {
      System.err.println(d.format());
    }
    if (build.data().isEmpty()) {
      return 1;
    }
    ExperimentData data = build.data().get();
    List<AugmentationPreview.Entry> entries =
        AugmentationPreview.write(data.dataSet(), data.pipeline(), count, seed, out);
    for (AugmentationPreview.Entry e : entries) {
      System.out.println(e.id() + "  [" + e.label() + "]  " + e.original() + "  " + e.augmented());
    }
    System.out.println(
        "wrote " + entries.size() + " original/augmented pairs and index.csv to " + out);
    return 0;
  }
}
