package dev.musket.engine.experiment;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An experiment's folder with Musket's file names ({@code structure_constants.py}, {@code
 * ExecutionConfig}), so Musket projects, their finished experiments and their tools keep working:
 *
 * <pre>
 * config.yaml                         (or config_concrete.yaml for generated children)
 * config.yaml.folds_split             config.yaml.holdout_split
 * metrics/metrics-&lt;fold&gt;.&lt;stage&gt;.csv   weights/best-&lt;fold&gt;.&lt;stage&gt;.weights
 * summary.yaml                        present = completed; or Error / Cancelled
 * inProgress.yaml                     while a fit runs
 * error.yaml                          errors: [{trace, type, value}]
 * resume/state-&lt;fold&gt;.&lt;stage&gt;.yaml     this engine's resume points (Musket had none)
 * </pre>
 *
 * <p>Every file is written atomically (temporary file + rename), so killing the process at any
 * moment leaves either the old or the new file, never half of one; {@link
 * #removeStaleTemporaryFiles()} clears the temporary files such a kill leaves behind.
 *
 * <p>A fit uses it in this order: {@link #removeStaleTemporaryFiles()}; {@link #prepareFreshRun()}
 * unless resuming; {@link #markInProgress()}; per fold and stage, at every epoch end: the metrics
 * row ({@link MetricsCsvLogger}), the best weights when {@code BestCheckpointPolicy} says so, the
 * resume checkpoint, then {@link #saveResumeState}; finally {@link #writeSummary} (or {@link
 * #markFailed} / {@link #markCancelled}), {@link #clearResumeStates()} after a success, and {@link
 * #clearInProgress()}.
 */
public final class ExperimentFolder {

  public static final String CONFIG = "config.yaml";
  public static final String CONFIG_CONCRETE = "config_concrete.yaml";
  public static final String SUMMARY = "summary.yaml";
  public static final String IN_PROGRESS = "inProgress.yaml";
  public static final String ERROR = "error.yaml";

  private static final Logger LOG = LoggerFactory.getLogger(ExperimentFolder.class);
  private static final Pattern STALE_TEMP = Pattern.compile("\\..+\\.[0-9]+\\.tmp");
  private static final Pattern RESUME_NAME = Pattern.compile("state-(\\d+)\\.(\\d+)\\.yaml");

  private final Path dir;
  private final Path configFile;

  /** The folder holding {@code configFile}. */
  public ExperimentFolder(Path configFile) {
    this.configFile = configFile.toAbsolutePath().normalize();
    this.dir = this.configFile.getParent();
  }

  /** The experiment in {@code dir}: its {@code config.yaml}, else {@code config_concrete.yaml}. */
  public static ExperimentFolder of(Path dir) {
    Path config = dir.resolve(CONFIG);
    if (!Files.exists(config) && Files.exists(dir.resolve(CONFIG_CONCRETE))) {
      config = dir.resolve(CONFIG_CONCRETE);
    }
    return new ExperimentFolder(config);
  }

  public Path dir() {
    return dir;
  }

  public Path configFile() {
    return configFile;
  }

  public Path metricsDir() {
    return dir.resolve("metrics");
  }

  public Path metricsCsv(int fold, int stage) {
    return metricsDir().resolve("metrics-" + fold + "." + stage + ".csv");
  }

  /** The per-batch log of a stage with {@code logAll: true}. */
  public Path metricsAllCsv(int fold, int stage) {
    return metricsDir().resolve("metrics-" + fold + "." + stage + ".csvall.csv");
  }

  public Path weightsDir() {
    return dir.resolve("weights");
  }

  public Path bestWeights(int fold, int stage) {
    return weightsDir().resolve("best-" + fold + "." + stage + ".weights");
  }

  /** Written when the config sets {@code saveLast}. */
  public Path lastWeights(int fold, int stage) {
    return weightsDir().resolve("last-" + fold + "." + stage + ".weights");
  }

  public Path predictionsDir() {
    return dir.resolve("predictions");
  }

  public Path summaryFile() {
    return dir.resolve(SUMMARY);
  }

  public Path inProgressFile() {
    return dir.resolve(IN_PROGRESS);
  }

  public Path errorFile() {
    return dir.resolve(ERROR);
  }

  /** {@code <config>.folds_split}: each fold's [train indices, validation indices]. */
  public Path foldsSplitFile() {
    return sidecar(".folds_split");
  }

  /** {@code <config>.holdout_split}: [train indices, holdout indices]. */
  public Path holdoutSplitFile() {
    return sidecar(".holdout_split");
  }

  private Path sidecar(String suffix) {
    return configFile.resolveSibling(configFile.getFileName() + suffix);
  }

  public Path resumeDir() {
    return dir.resolve("resume");
  }

  public Path resumeStateFile(int fold, int stage) {
    return resumeDir().resolve("state-" + fold + "." + stage + ".yaml");
  }

  /** Where the trainer keeps the last epoch's model and optimizer state for resuming. */
  public Path resumeCheckpoint(int fold, int stage) {
    return resumeDir().resolve("checkpoint-" + fold + "." + stage + ".zip");
  }

  /** Musket's rule: an experiment is completed when its {@code summary.yaml} exists. */
  public boolean isCompleted() {
    return Files.exists(summaryFile());
  }

  public boolean isInProgress() {
    return Files.exists(inProgressFile());
  }

  /** Musket's start of a fresh fit: old predictions and summary go. */
  public void prepareFreshRun() throws IOException {
    deleteTree(predictionsDir());
    Files.deleteIfExists(summaryFile());
  }

  public void markInProgress() throws IOException {
    YamlFiles.write(inProgressFile(), true);
  }

  public void clearInProgress() throws IOException {
    Files.deleteIfExists(inProgressFile());
  }

  /** A successful run's summary; removes a stale {@code error.yaml}, as Musket did. */
  public void writeSummary(ExperimentSummary summary) throws IOException {
    YamlFiles.write(summaryFile(), summary.toYaml());
    Files.deleteIfExists(errorFile());
  }

  /** A failed run: {@code error.yaml} with each stack trace, and {@code summary.yaml: Error}. */
  public void markFailed(List<Throwable> errors) throws IOException {
    List<Object> entries = new ArrayList<>();
    for (Throwable t : errors) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("trace", stackTrace(t));
      e.put("type", t.getClass().getName());
      e.put("value", String.valueOf(t.getMessage()));
      entries.add(e);
    }
    YamlFiles.write(errorFile(), Map.of("errors", entries));
    YamlFiles.write(summaryFile(), "Error");
  }

  public void markCancelled() throws IOException {
    YamlFiles.write(summaryFile(), "Cancelled");
  }

  /** Cancelled while the summary was being computed: Musket wrote {@code {canceled: true}}. */
  public void markCancelledWhileReporting() throws IOException {
    YamlFiles.write(summaryFile(), Map.of("canceled", true));
  }

  /** A {@code num_seeds} parent's summary: the spread of its children's scores. */
  public void writeSeedsSummary(List<Double> childScores) throws IOException {
    YamlFiles.write(summaryFile(), MetricStats.of(childScores).toYaml());
  }

  /** What {@code summary.yaml} says, or empty when the experiment has not completed. */
  public Optional<SummaryStatus> readSummary() throws IOException {
    if (!isCompleted()) {
      return Optional.empty();
    }
    Object yaml = YamlFiles.read(summaryFile());
    if ("Error".equals(yaml)) {
      return Optional.of(new SummaryStatus.Failed());
    }
    if ("Cancelled".equals(yaml)) {
      return Optional.of(new SummaryStatus.Cancelled());
    }
    if (yaml instanceof Map<?, ?> m) {
      if (Boolean.TRUE.equals(m.get("canceled"))) {
        return Optional.of(new SummaryStatus.Cancelled());
      }
      if (MetricStats.looksLikeStats(m)) {
        return Optional.of(new SummaryStatus.SeedsAggregate(MetricStats.fromYaml(m)));
      }
      if (m.containsKey("stages") || m.containsKey("allStages")) {
        return Optional.of(new SummaryStatus.Completed(ExperimentSummary.fromYaml(m)));
      }
    }
    return Optional.of(new SummaryStatus.Unknown(String.valueOf(yaml)));
  }

  /** The stack traces of {@code error.yaml}, empty when there is none. */
  public List<String> readErrorTraces() throws IOException {
    if (!Files.exists(errorFile())) {
      return List.of();
    }
    List<String> traces = new ArrayList<>();
    if (YamlFiles.read(errorFile()) instanceof Map<?, ?> m
        && m.get("errors") instanceof List<?> l) {
      for (Object o : l) {
        if (o instanceof Map<?, ?> e && e.get("trace") != null) {
          traces.add(String.valueOf(e.get("trace")));
        }
      }
    }
    return traces;
  }

  /** Every {@code metrics-<fold>.<stage>.csv}, by fold then stage; for charts and analyze. */
  public Map<FoldStage, MetricsTable> readAllMetrics() throws IOException {
    Map<FoldStage, MetricsTable> out = new TreeMap<>();
    if (!Files.isDirectory(metricsDir())) {
      return out;
    }
    try (Stream<Path> files = Files.list(metricsDir())) {
      for (Path p : files.toList()) {
        Optional<FoldStage> fs = FoldStage.ofMetricsFileName(p.getFileName().toString());
        if (fs.isPresent()) {
          out.put(fs.get(), MetricsTable.read(p));
        }
      }
    }
    return out;
  }

  public void saveResumeState(ResumeState state) throws IOException {
    YamlFiles.write(resumeStateFile(state.fold(), state.stage()), state.toYaml());
  }

  public Optional<ResumeState> readResumeState(int fold, int stage) throws IOException {
    Path file = resumeStateFile(fold, stage);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    if (YamlFiles.read(file) instanceof Map<?, ?> m) {
      return Optional.of(ResumeState.fromYaml(m));
    }
    throw new IOException(file + " is not a resume state");
  }

  /** The resume point furthest along (by fold, then stage), if any. */
  public Optional<ResumeState> latestResumeState() throws IOException {
    Optional<FoldStage> last = resumePoints().stream().max(Comparator.naturalOrder());
    return last.isEmpty()
        ? Optional.empty()
        : readResumeState(last.get().fold(), last.get().stage());
  }

  /** Removes the resume states and checkpoints once the run has finished. */
  public void clearResumeStates() throws IOException {
    deleteTree(resumeDir());
  }

  /**
   * Deletes the temporary files a kill between writing and renaming leaves beside the real ones
   * (they are never read); returns how many there were.
   */
  public int removeStaleTemporaryFiles() throws IOException {
    int removed = 0;
    for (Path d : List.of(dir, metricsDir(), weightsDir(), resumeDir())) {
      if (!Files.isDirectory(d)) {
        continue;
      }
      try (Stream<Path> files = Files.list(d)) {
        for (Path p : files.toList()) {
          if (STALE_TEMP.matcher(p.getFileName().toString()).matches()) {
            Files.deleteIfExists(p);
            removed++;
          }
        }
      }
    }
    if (removed > 0) {
      LOG.info("Removed {} temporary files left by an interrupted write in {}", removed, dir);
    }
    return removed;
  }

  private List<FoldStage> resumePoints() throws IOException {
    List<FoldStage> out = new ArrayList<>();
    if (!Files.isDirectory(resumeDir())) {
      return out;
    }
    try (Stream<Path> files = Files.list(resumeDir())) {
      for (Path p : files.toList()) {
        var m = RESUME_NAME.matcher(p.getFileName().toString());
        if (m.matches()) {
          out.add(new FoldStage(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
      }
    }
    return out;
  }

  private static String stackTrace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
