package dev.musket.engine.train.lrfinder;

import dev.musket.engine.config.ExperimentConfig;
import dev.musket.engine.config.StageConfig;
import dev.musket.engine.config.validate.Diagnostic;
import dev.musket.engine.data.AugmentedBatchIterator;
import dev.musket.engine.data.ExperimentData;
import dev.musket.engine.data.LoaderSettings;
import dev.musket.engine.data.split.ExperimentSplits;
import dev.musket.engine.data.split.Negatives;
import dev.musket.engine.data.split.SplitFiles;
import dev.musket.engine.data.split.SplitSettings;
import dev.musket.engine.events.CancellationToken;
import dev.musket.engine.model.ModelRegistry;
import dev.musket.engine.model.PretrainedWeights;
import dev.musket.engine.train.ProjectArchitectures;
import dev.musket.engine.train.ScoringRegistries;
import dev.musket.engine.train.StageNetworks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LR finder of an experiment: an {@link LrRangeTest} on a fresh copy of the network of the
 * config's first stage, trained on fold 0's training items with the config's augmentation, then
 * {@code lrfinder.csv} and the two plots ({@link LrFinderReport}) in a folder of its own.
 *
 * <p>It never touches the experiment's weights or results: the network is built from scratch (or
 * the pretrained weights the config names) and only {@code outputDir} is written. Even the split
 * files are read, never written, beside the config: they are copied into {@code outputDir} and
 * planned there, so fold 0 is the fit's fold 0 when the experiment has been fitted, and a split of
 * its own (kept in {@code outputDir}) when not.
 */
public final class LrFinder {

  private static final Logger LOG = LoggerFactory.getLogger(LrFinder.class);

  /** The folder the workbench writes into: {@code lrfinder/} in the experiment's folder. */
  public static final String FOLDER = "lrfinder";

  private final Supplier<ModelRegistry> registries;
  private final PretrainedWeights pretrained;

  /** Built-in architectures plus the project's, pretrained weights from the default folder. */
  public LrFinder() {
    this(ModelRegistry::standard, PretrainedWeights.fromEnvironment());
  }

  public LrFinder(Supplier<ModelRegistry> registries, PretrainedWeights pretrained) {
    this.registries = registries;
    this.pretrained = pretrained;
  }

  /** What a run produced: the result, or the diagnostics that stopped it before training. */
  public record Outcome(Optional<LrFinderResult> result, List<Diagnostic> diagnostics) {}

  /** The folder of its own an experiment's LR finder writes to by default. */
  public static Path defaultOutput(Path configFile) {
    return configFile.toAbsolutePath().getParent().resolve(FOLDER);
  }

  /**
   * Runs the LR finder for a validated config and writes its files into {@code outputDir}.
   *
   * @param loaderThreads threads decoding and augmenting images
   * @throws dev.musket.engine.events.TrainingCancelledException when {@code token} is tripped
   * @throws IllegalArgumentException when {@code outputDir} is the experiment's own folder
   */
  public Outcome run(
      Path projectDir,
      ExperimentConfig cfg,
      LrFinderSettings settings,
      Path outputDir,
      int loaderThreads,
      LrFinderListener listener,
      CancellationToken token)
      throws IOException {
    Path experimentDir = cfg.file().toAbsolutePath().normalize().getParent();
    Path out = outputDir.toAbsolutePath().normalize();
    if (out.equals(experimentDir)) {
      throw new IllegalArgumentException(
          out
              + " is the experiment's own folder; give the LR finder a folder of its own, e.g. "
              + defaultOutput(cfg.file()));
    }
    ExperimentData.Build build = ExperimentData.forTraining(cfg, projectDir);
    if (build.data().isEmpty()) {
      return new Outcome(Optional.empty(), build.diagnostics());
    }
    ExperimentData data = build.data().get();
    Files.createDirectories(out);
    ExperimentSplits splits =
        ExperimentSplits.plan(data.dataSet(), SplitSettings.of(cfg.data()), splitsIn(cfg, out));
    StageConfig first = cfg.training().stages().get(0);
    int[] train =
        negatives(first.negatives())
            .select(data.withExtraTraining(splits.folds().get(0).train()), data.trainingDataSet());
    ModelRegistry registry = registries.get();
    registerProjectArchitectures(registry, projectDir);
    ComputationGraph network =
        new StageNetworks(registry, pretrained, ScoringRegistries.forProject(projectDir).losses())
            .build(cfg, 0, null, projectDir);
    int batch = cfg.training().batch();
    int steps = (train.length + batch - 1) / batch;
    Integer max = cfg.training().maxEpochSize();
    if (max != null && max > 0) {
      steps = Math.min(steps, max);
    }
    LOG.info(
        "LR finder: {} training items, {} batches per epoch, lr {} to {} over {} epoch(s)",
        train.length,
        steps,
        settings.startLr(),
        settings.endLr(),
        settings.epochs());
    long seed = cfg.data().randomState() * 1_000_003L;
    LrFinderResult result;
    try (AugmentedBatchIterator iterator =
        new AugmentedBatchIterator(
            data.trainingDataSet(),
            train,
            data.pipeline(),
            new LoaderSettings(batch, loaderThreads, 2, true, seed))) {
      result = new LrRangeTest(settings).run(network, iterator, steps, listener, token);
    }
    LrFinderReport.write(result, out);
    return new Outcome(Optional.of(result), build.diagnostics());
  }

  /**
   * A stand-in config path inside {@code out} for the split files, holding copies of the
   * experiment's own split files when it has them.
   */
  private static Path splitsIn(ExperimentConfig cfg, Path out) throws IOException {
    Path standIn = out.resolve("config.yaml");
    for (Path source :
        List.of(SplitFiles.foldsFile(cfg.file()), SplitFiles.holdoutFile(cfg.file()))) {
      Path copy = out.resolve(source.getFileName().toString());
      if (Files.isRegularFile(source)) {
        Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.deleteIfExists(copy);
      }
    }
    return standIn;
  }

  private static void registerProjectArchitectures(ModelRegistry registry, Path projectDir)
      throws IOException {
    try {
      ProjectArchitectures.register(registry, projectDir);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(
          "could not load the architectures of " + projectDir.resolve("modules") + ": " + e, e);
    }
  }

  /** A stage's {@code negatives} as the config holds it: none, real/all, or a number as text. */
  private static Negatives negatives(String text) {
    if (text == null) {
      return Negatives.ALL;
    }
    try {
      return Negatives.parse(Double.parseDouble(text));
    } catch (NumberFormatException notANumber) {
      return Negatives.parse(text);
    }
  }
}
