package dev.musket.engine.train;

import dev.musket.engine.config.ComponentSpec;
import dev.musket.engine.config.ExperimentConfig;
import dev.musket.engine.config.StageConfig;
import dev.musket.engine.config.schema.Schema;
import dev.musket.engine.config.validate.Diagnostic;
import dev.musket.engine.data.AugmentedBatchIterator;
import dev.musket.engine.data.BadImageException;
import dev.musket.engine.data.DataSet;
import dev.musket.engine.data.ExperimentData;
import dev.musket.engine.data.LoaderSettings;
import dev.musket.engine.data.SkippedImage;
import dev.musket.engine.data.split.ExperimentSplits;
import dev.musket.engine.data.split.Negatives;
import dev.musket.engine.data.split.Split;
import dev.musket.engine.data.split.SplitSettings;
import dev.musket.engine.events.CancellationToken;
import dev.musket.engine.events.TrainingCancelledException;
import dev.musket.engine.events.TrainingEvent;
import dev.musket.engine.events.TrainingListener;
import dev.musket.engine.experiment.BatchCsvLogger;
import dev.musket.engine.experiment.ConfiguredCsvLogger;
import dev.musket.engine.experiment.ExperimentFolder;
import dev.musket.engine.experiment.ExperimentSummary;
import dev.musket.engine.experiment.MetricsCsvLogger;
import dev.musket.engine.experiment.ResumePlanner;
import dev.musket.engine.experiment.SkippedImages;
import dev.musket.engine.experiment.StagePlan;
import dev.musket.engine.model.ModelRegistry;
import dev.musket.engine.model.PretrainedWeights;
import dev.musket.engine.predict.PredictionDump;
import dev.musket.engine.predict.Predictor;
import dev.musket.engine.project.ProjectModules;
import dev.musket.engine.runtime.GpuPlacement;
import dev.musket.engine.train.callbacks.BestCheckpointPolicy;
import dev.musket.engine.train.callbacks.CallbackFactory;
import dev.musket.engine.train.callbacks.ProjectCallbacks;
import dev.musket.engine.train.callbacks.TimeLimit;
import dev.musket.engine.train.callbacks.TrainingCallback;
import dev.musket.engine.train.loss.LossRegistry;
import dev.musket.engine.train.loss.ProjectLosses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code musket fit} for one experiment: data, holdout and folds (split files reused), every
 * selected fold's stages in order (each from the previous stage's best weights), then {@code
 * summary.yaml}. Keeps Musket's folder contract: {@code inProgress.yaml} while running, {@code
 * error.yaml} with the stack trace on failure, {@code Cancelled} when cancelled, and with {@code
 * allowResume} continues a killed run from its last completed epoch.
 */
public final class ExperimentRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);

  private final Supplier<ModelRegistry> registries;
  private final PretrainedWeights pretrained;

  /** Built-in architectures plus the project's, pretrained weights from the default folder. */
  public ExperimentRunner() {
    this(ModelRegistry::standard, PretrainedWeights.fromEnvironment());
  }

  /**
   * @param registries a fresh registry per run; the project's own architectures are added to it
   */
  public ExperimentRunner(Supplier<ModelRegistry> registries, PretrainedWeights pretrained) {
    this.registries = registries;
    this.pretrained = pretrained;
  }

  /**
   * Fits one validated experiment.
   *
   * @param name the experiment's name (its path under {@code experiments/}), for events
   */
  public FitResult fit(
      Path projectDir,
      String name,
      ExperimentConfig cfg,
      FitOptions options,
      TrainingListener listener,
      CancellationToken token) {
    ExperimentFolder folder = new ExperimentFolder(cfg.file());
    ExperimentData.Build build = ExperimentData.forTraining(cfg, projectDir);
    if (build.data().isEmpty()) {
      return new FitResult(FitResult.Outcome.INVALID, build.diagnostics(), null);
    }
    ExperimentData data = build.data().get();
    try {
      folder.removeStaleTemporaryFiles();
      ModelRegistry registry = registries.get();
      ProjectArchitectures.register(registry, projectDir);
      ExperimentSplits splits =
          ExperimentSplits.plan(data.dataSet(), splitSettings(cfg), cfg.file());
      List<Integer> folds;
      List<String> gpuNotices;
      try {
        folds = selectFolds(options, splits.folds().size());
        gpuNotices = GpuPlacement.apply(options.gpus()); // on this, the training thread
      } catch (IllegalArgumentException e) {
        return new FitResult(FitResult.Outcome.INVALID, List.of(), e.getMessage());
      }
      if (!options.onlyReport() && !options.allowResume()) {
        folder.prepareFreshRun();
        folder.clearResumeStates();
      }
      folder.markInProgress();
      Run run = new Run(projectDir, name, cfg, folder, data, splits, options, listener, token);
      ScoringRegistries scoring = ScoringRegistries.forProject(projectDir);
      run.losses = scoring.losses();
      run.networks = new StageNetworks(registry, pretrained, scoring.losses());
      run.scoring = new StageScoring(scoring.metrics(), scoring.losses());
      run.callbackBuilders = callbackBuilders(projectDir, folder);
      listener.onEvent(
          new TrainingEvent.RunStarted(name, folds.size(), cfg.training().stages().size()));
      for (String notice : gpuNotices) {
        LOG.warn("{}: {}", name, notice); // never dropped silently: logged and shown
        listener.onEvent(new TrainingEvent.Notice(name, notice));
      }
      if (!options.onlyReport()) {
        TimeLimit time = options.timeLimit() == null ? null : new TimeLimit(options.timeLimit());
        for (int fold : folds) {
          if (!run.trainFold(fold, time)) {
            LOG.info("{}: time limit reached; run again with --allow_resume to continue", name);
            folder.clearInProgress();
            return FitResult.of(FitResult.Outcome.TIME_UP);
          }
        }
      }
      ExperimentSummary summary = run.summary(folds);
      folder.writeSummary(summary);
      if (cfg.training().dumpPredictionsToCSV()) {
        new PredictionDump(new Predictor(projectDir, name, cfg)).write(folds, token);
      }
      folder.clearResumeStates();
      folder.clearInProgress();
      listener.onEvent(new TrainingEvent.RunFinished(name));
      return FitResult.of(FitResult.Outcome.COMPLETED);
    } catch (TrainingCancelledException e) {
      LOG.info("{}: cancelled ({})", name, e.getMessage());
      quietly(folder::markCancelled);
      quietly(folder::clearInProgress);
      listener.onEvent(new TrainingEvent.RunCancelled(name));
      return FitResult.of(FitResult.Outcome.CANCELLED);
    } catch (Exception | OutOfMemoryError e) {
      LOG.error("{}: training failed", name, e);
      quietly(() -> folder.markFailed(List.of(e)));
      quietly(folder::clearInProgress);
      String error = describe(e);
      listener.onEvent(new TrainingEvent.RunFailed(name, error, trace(e)));
      return new FitResult(FitResult.Outcome.FAILED, List.<Diagnostic>of(), error);
    }
  }

  private static List<Integer> selectFolds(FitOptions options, int count) {
    if (options.folds().isEmpty()) {
      return IntStream.range(0, count).boxed().toList();
    }
    for (int f : options.folds()) {
      if (f < 0 || f >= count) {
        throw new IllegalArgumentException(
            "fold " + f + " does not exist; this experiment has folds 0.." + (count - 1));
      }
    }
    return options.folds().stream().distinct().sorted().toList();
  }

  /**
   * The callbacks a config may name beyond the engine's own: a {@code CSVLogger} (its file in the
   * experiment's folder) and the project's {@code @Callback}s, which win on a clash of names.
   */
  private static Map<String, Function<ComponentSpec, TrainingCallback>> callbackBuilders(
      Path projectDir, ExperimentFolder folder) {
    Map<String, Function<ComponentSpec, TrainingCallback>> builders =
        new LinkedHashMap<>(ConfiguredCsvLogger.builders(folder));
    builders.putAll(ProjectCallbacks.builders(ProjectModules.compile(projectDir)));
    return builders;
  }

  static SplitSettings splitSettings(ExperimentConfig cfg) {
    return SplitSettings.of(cfg.data());
  }

  /** One experiment's run: what every fold and stage shares. */
  private static final class Run {
    final Path projectDir;
    final String name;
    final ExperimentConfig cfg;
    final ExperimentFolder folder;
    final ExperimentData data;
    final ExperimentSplits splits;
    final FitOptions options;
    final TrainingListener listener;
    final CancellationToken token;
    StageNetworks networks;
    StageScoring scoring;
    LossRegistry losses;
    Map<String, Function<ComponentSpec, TrainingCallback>> callbackBuilders;

    Run(
        Path projectDir,
        String name,
        ExperimentConfig cfg,
        ExperimentFolder folder,
        ExperimentData data,
        ExperimentSplits splits,
        FitOptions options,
        TrainingListener listener,
        CancellationToken token) {
      this.projectDir = projectDir;
      this.name = name;
      this.cfg = cfg;
      this.folder = folder;
      this.data = data;
      this.splits = splits;
      this.options = options;
      this.listener = listener;
      this.token = token;
    }

    /** Trains a fold's stages; false when the time limit stopped it. */
    boolean trainFold(int fold, TimeLimit time) throws IOException {
      listener.onEvent(new TrainingEvent.FoldStarted(name, fold));
      for (int stage = 0; stage < cfg.training().stages().size(); stage++) {
        if (trainStage(fold, stage, time) == StageTrainer.Ending.TIME_UP) {
          return false;
        }
      }
      listener.onEvent(new TrainingEvent.FoldEnded(name, fold));
      return true;
    }

    private StageTrainer.Ending trainStage(int fold, int stage, TimeLimit time) throws IOException {
      StageConfig st = cfg.training().stages().get(stage);
      double lr = StageNetworks.stageLr(cfg, stage);
      String pm = scoring.schedule(cfg).primaryMonitor();
      BestCheckpointPolicy checkpoint =
          new BestCheckpointPolicy(pm, cfg.training().primaryMetricMode());
      StagePlan plan =
          options.allowResume()
              ? new ResumePlanner(folder, pm, checkpoint.mode()).plan(fold, stage, st.epochs(), lr)
              : new StagePlan.Fresh();
      if (plan instanceof StagePlan.Continue c
          && c.state().isEmpty()
          && !Files.exists(folder.bestWeights(fold, stage))) {
        // Killed before the stage's first resume point and first checkpoint: its logged rows
        // belong to weights that are gone, so the stage starts over.
        LOG.info(
            "{}: fold {}, stage {} has no checkpoint yet; starting it over", name, fold, stage);
        plan = new StagePlan.Fresh();
      }
      if (plan instanceof StagePlan.Done) {
        LOG.info("{}: fold {}, stage {} is already trained; skipping it", name, fold, stage);
        return StageTrainer.Ending.COMPLETED;
      }
      ComputationGraph network;
      int initialEpoch = 0;
      Optional<dev.musket.engine.experiment.ResumeState> state = Optional.empty();
      if (plan instanceof StagePlan.Continue c) {
        LOG.info("{}: resuming at {}", name, c.describe());
        initialEpoch = c.nextEpoch();
        lr = c.learningRate();
        state = c.state();
        if (state.isPresent()) {
          network =
              NetworkFiles.load(
                  StageTrainer.checkpointFile(folder, fold, stage, state.get().epoch()));
          ProjectLosses.reattach(network, losses); // a project loss is saved by name only
        } else {
          network = networks.build(cfg, stage, folder.bestWeights(fold, stage), projectDir);
          if (c.bestMetric() != null) {
            checkpoint.restoreBest(c.bestMetric());
          }
        }
      } else {
        network = networks.build(cfg, stage, previous(fold, stage), projectDir);
      }
      Split split = splits.folds().get(fold);
      // extra_train_data items follow the dataset's own: trained on, never validated on
      DataSet trainingData = data.trainingDataSet();
      int[] train =
          negatives(st.negatives()).select(data.withExtraTraining(split.train()), trainingData);
      int[] validation =
          negatives(st.validationNegatives()).select(split.heldOut(), data.dataSet());
      int batch = cfg.training().batch();
      long seed = cfg.data().randomState() * 1_000_003L + fold * 1009L + stage;
      List<TrainingCallback> callbacks =
          new ArrayList<>(
              new CallbackFactory(Schema.classification(), callbackBuilders, folder.dir())
                  .monitoringAs(scoring.schedule(cfg)::monitored)
                  .forStage(cfg.training().callbacks(), st));
      if (st.logAll()) {
        callbacks.add(new BatchCsvLogger(folder)); // metrics-<fold>.<stage>.csvall.csv
      }
      callbacks.add(new MetricsCsvLogger(folder));
      try (AugmentedBatchIterator trainData =
              new AugmentedBatchIterator(
                  trainingData,
                  train,
                  data.pipeline(),
                  new LoaderSettings(batch, options.loaderThreads(), 2, true, seed));
          AugmentedBatchIterator validationData = validationIterator(validation)) {
        return new StageTrainer(
                new StageTrainer.Setup(
                    name,
                    fold,
                    stage,
                    st.epochs(),
                    initialEpoch,
                    cfg.training().maxEpochSize(),
                    network,
                    new NetworkLearningRate(network, lr),
                    trainData,
                    validationData,
                    scoring.training(cfg, st),
                    scoring.validation(cfg, st),
                    callbacks,
                    checkpoint,
                    state,
                    time,
                    cfg.training().saveLast(),
                    folder,
                    listener,
                    token))
            .train();
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

    /** Musket's rule: a stage after the first starts from the previous stage's best weights. */
    private Path previous(int fold, int stage) {
      if (stage == 0) {
        return null;
      }
      Path best = folder.bestWeights(fold, stage - 1);
      return Files.exists(best) ? best : null;
    }

    private AugmentedBatchIterator validationIterator(int[] indices) {
      return new AugmentedBatchIterator(
          data.dataSet(),
          indices,
          data.pipeline(),
          new LoaderSettings(
              cfg.training().inferenceBatch(), options.loaderThreads(), 2, false, 0));
    }

    ExperimentSummary summary(List<Integer> folds) throws IOException {
      List<AugmentedBatchIterator> open = new ArrayList<>();
      try {
        int[] heldOut = splits.holdout().heldOut();
        AugmentedBatchIterator holdout = null;
        if (heldOut.length > 0) {
          holdout = validationIterator(heldOut);
          open.add(holdout);
        }
        return new SummaryReport(cfg, folder, scoring, token)
            .build(
                folds,
                fold -> {
                  AugmentedBatchIterator it =
                      validationIterator(splits.folds().get(fold).heldOut());
                  open.add(it);
                  return it;
                },
                holdout,
                skippedImages(data));
      } finally {
        open.forEach(AugmentedBatchIterator::close);
      }
    }
  }

  /** What the summary says of the images {@code skip_bad_images} dropped. */
  private static SkippedImages skippedImages(ExperimentData data) {
    return data.skipped()
        .map(list -> new SkippedImages(true, list.stream().map(SkippedImage::id).toList()))
        .orElse(SkippedImages.NOT_SCREENED);
  }

  private interface IoAction {
    void run() throws Exception;
  }

  private static void quietly(IoAction action) {
    try {
      action.run();
    } catch (Exception e) {
      LOG.warn("Could not update the experiment folder", e);
    }
  }

  /** The failure as the user reads it; a bad image also says how to get past it. */
  static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BadImageException bad) {
        return bad.getMessage()
            + "; fix or remove the file, or add skip_bad_images: true to the dataset to train"
            + " without such files";
      }
    }
    return String.valueOf(e);
  }

  private static String trace(Throwable t) {
    var w = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(w));
    return w.toString();
  }
}
