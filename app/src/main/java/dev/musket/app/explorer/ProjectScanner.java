package dev.musket.app.explorer;

import dev.musket.app.state.ExperimentStatus;
import dev.musket.engine.experiment.ExperimentFolder;
import dev.musket.engine.experiment.ExperimentScore;
import dev.musket.engine.experiment.ProjectExperiments;
import dev.musket.engine.experiment.SummaryStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a project folder into a {@link ProjectSnapshot}: file I/O only, run in the background. Each
 * experiment's status comes from its folder's files as the engine writes them ({@link
 * ExperimentFolder}); its score by Musket's rule ({@link ExperimentScore}) from the summary and the
 * config's {@code primary_metric} / {@code experiment_result} (the experiment's own, else {@code
 * common.yaml}'s, else Musket's default).
 */
public final class ProjectScanner {

  static final String DEFAULT_PRIMARY_METRIC = "val_binary_accuracy";

  private ProjectScanner() {}

  public static ProjectSnapshot scan(Path project) throws IOException {
    if (!Files.isDirectory(project)) {
      throw new IOException(project + " is not a folder (was it moved or deleted?)");
    }
    Path common = project.resolve("common.yaml");
    Map<?, ?> commonYaml = Files.isRegularFile(common) ? readMap(common) : Map.of();
    List<ExperimentInfo> experiments = new ArrayList<>();
    for (ProjectExperiments.Entry e : ProjectExperiments.find(project)) {
      experiments.add(describe(e.name(), e.folder(), commonYaml));
    }
    Path modules = project.resolve("modules");
    Path data = project.resolve("data");
    return new ProjectSnapshot(
        project,
        experiments,
        Files.isRegularFile(common) ? common : null,
        Files.isDirectory(modules) ? modules : null,
        Files.isDirectory(modules) ? filesUnder(modules) : List.of(),
        Files.isDirectory(data) ? data : null);
  }

  /** One experiment's status and score from its files; never throws for a damaged file. */
  static ExperimentInfo describe(String name, ExperimentFolder folder, Map<?, ?> common) {
    Path dir = folder.dir();
    Optional<SummaryStatus> summary;
    try {
      summary = folder.readSummary();
    } catch (IOException | RuntimeException e) {
      return new ExperimentInfo(
          name,
          dir,
          ExperimentStatus.FAILED,
          null,
          "summary.yaml cannot be read: " + e.getMessage());
    }
    // the status rule lives in ExperimentStatus.of; here only the score and the words
    ExperimentStatus status = ExperimentStatus.of(summary, folder.isInProgress(), false);
    SummaryStatus written = summary.orElse(null);
    if (written instanceof SummaryStatus.Completed c) {
      return completed(name, folder, c, common);
    }
    Double score = written instanceof SummaryStatus.SeedsAggregate s ? s.scores().mean() : null;
    return new ExperimentInfo(name, dir, status, score, detail(status, written));
  }

  private static String detail(ExperimentStatus status, SummaryStatus written) {
    return switch (status) {
      case NEW -> "not trained yet";
      case INTERRUPTED ->
          "inProgress.yaml: trained by another process, or killed (fit --allow_resume"
              + " continues it)";
      case FAILED -> "see error.yaml";
      case CANCELLED -> "cancelled";
      default ->
          written instanceof SummaryStatus.SeedsAggregate
              ? "mean over seeds"
              : "summary.yaml: "
                  + (written instanceof SummaryStatus.Unknown u ? u.text() : written);
    };
  }

  private static ExperimentInfo completed(
      String name, ExperimentFolder folder, SummaryStatus.Completed c, Map<?, ?> common) {
    Map<?, ?> config;
    try {
      config = readMap(folder.configFile());
    } catch (IOException | RuntimeException e) {
      config = Map.of();
    }
    String primary = text(config, common, "primary_metric", DEFAULT_PRIMARY_METRIC);
    String result = text(config, common, "experiment_result", null);
    OptionalDouble score = ExperimentScore.of(c.summary(), primary, result);
    return score.isPresent()
        ? new ExperimentInfo(
            name, folder.dir(), ExperimentStatus.COMPLETED, score.getAsDouble(), primary)
        : new ExperimentInfo(
            name, folder.dir(), ExperimentStatus.COMPLETED, null, "no " + primary + " in summary");
  }

  private static String text(Map<?, ?> config, Map<?, ?> common, String key, String fallback) {
    Object value = config.containsKey(key) ? config.get(key) : common.get(key);
    return value instanceof String s && !s.isBlank() ? s : fallback;
  }

  /** A YAML file's top-level mapping, or an empty map for anything else. */
  static Map<?, ?> readMap(Path file) throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(50);
    options.setCodePointLimit(5 * 1024 * 1024);
    Object yaml = new Yaml(new SafeConstructor(options)).load(Files.readString(file));
    return yaml instanceof Map<?, ?> m ? m : Map.of();
  }

  private static List<Path> filesUnder(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir, 4)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
