package dev.musket.engine.train;

import dev.musket.engine.data.AugmentedBatchIterator;
import dev.musket.engine.events.CancellationToken;
import dev.musket.engine.events.TrainingEvent;
import dev.musket.engine.events.TrainingListener;
import dev.musket.engine.experiment.ExperimentFolder;
import dev.musket.engine.experiment.ResumeState;
import dev.musket.engine.train.callbacks.BestCheckpointPolicy;
import dev.musket.engine.train.callbacks.ModelWeights;
import dev.musket.engine.train.callbacks.StageContext;
import dev.musket.engine.train.callbacks.TimeLimit;
import dev.musket.engine.train.callbacks.TrainingCallback;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains one fold's stage epoch by epoch, as Keras' {@code fit} did for Musket: batches with the
 * callbacks' hooks, validation, the metrics row, the best checkpoint on the primary metric, and
 * after every epoch a resume point (network with optimizer state, learning rate, best metric,
 * callback states).
 *
 * <p>The cancellation token is checked before every batch, so a cancelled run stops within one
 * batch ({@link dev.musket.engine.events.TrainingCancelledException}).
 */
final class StageTrainer {

  private static final Logger LOG = LoggerFactory.getLogger(StageTrainer.class);

  /** How the stage ended. */
  enum Ending {
    /** All epochs ran, or a callback (EarlyStopping, TerminateOnNaN) ended the stage. */
    COMPLETED,
    /** {@code --time} ran out: the stage can be resumed. */
    TIME_UP
  }

  /** Everything one stage's training needs. */
  record Setup(
      String experiment,
      int fold,
      int stage,
      int epochs,
      int initialEpoch,
      Integer maxEpochSize,
      ComputationGraph network,
      NetworkLearningRate learningRate,
      AugmentedBatchIterator train,
      AugmentedBatchIterator validation,
      EpochScores trainScores,
      EpochScores validationScores,
      List<TrainingCallback> callbacks,
      BestCheckpointPolicy checkpoint,
      Optional<ResumeState> resumeState,
      TimeLimit timeLimit,
      boolean saveLast,
      ExperimentFolder folder,
      TrainingListener listener,
      CancellationToken token) {}

  private final Setup s;

  StageTrainer(Setup setup) {
    this.s = setup;
  }

  Ending train() throws IOException {
    ComputationGraph network = s.network();
    int steps = s.train().batchesPerEpoch();
    if (s.maxEpochSize() != null && s.maxEpochSize() > 0) {
      steps = Math.min(steps, s.maxEpochSize());
    }
    ModelWeights weights =
        new ModelWeights() {
          @Override
          public Snapshot snapshot() {
            INDArray kept = network.params().dup();
            return () -> network.setParams(kept);
          }

          @Override
          public void save(java.nio.file.Path file) throws IOException {
            NetworkFiles.save(network, file, false);
          }
        };
    StageContext context =
        new StageContext(
            s.experiment(),
            s.fold(),
            s.stage(),
            s.epochs(),
            steps,
            s.initialEpoch(),
            s.learningRate(),
            weights,
            s.listener());
    s.callbacks().forEach(c -> c.onStageStart(context));
    s.resumeState().ifPresent(this::restore);
    s.listener()
        .onEvent(
            new TrainingEvent.StageStarted(
                s.experiment(),
                s.fold(),
                s.stage(),
                s.epochs(),
                s.initialEpoch(),
                s.learningRate().learningRate()));
    HeadOutputCapture capture = new HeadOutputCapture(network, s.trainScores());
    network.setListeners(capture);
    s.train().seekEpoch(s.initialEpoch());
    int lastEpoch = s.initialEpoch() - 1;
    Ending ending = Ending.COMPLETED;
    try {
      for (int epoch = s.initialEpoch(); epoch < s.epochs(); epoch++) {
        if (epoch > s.initialEpoch()) {
          s.train().reset();
        }
        boolean stopped = trainEpoch(epoch, steps, capture);
        Map<String, Double> row = endEpoch(epoch);
        lastEpoch = epoch;
        boolean timeUp = false;
        if (s.timeLimit() != null) {
          s.timeLimit().onEpochEnd(epoch, row);
          timeUp = s.timeLimit().expired();
        }
        boolean done = stopped || anyStops() || epoch == s.epochs() - 1;
        saveResumePoint(done ? s.epochs() - 1 : epoch);
        if (done) {
          break;
        }
        if (timeUp) {
          ending = Ending.TIME_UP;
          break;
        }
      }
    } finally {
      network.setListeners();
    }
    s.callbacks().forEach(TrainingCallback::onStageEnd);
    if (s.saveLast() && lastEpoch >= s.initialEpoch()) {
      NetworkFiles.save(network, s.folder().lastWeights(s.fold(), s.stage()), false);
    }
    s.listener()
        .onEvent(new TrainingEvent.StageEnded(s.experiment(), s.fold(), s.stage(), lastEpoch));
    return ending;
  }

  /** Trains one epoch's batches; true when a callback asked to stop mid-epoch. */
  private boolean trainEpoch(int epoch, int steps, HeadOutputCapture capture) {
    s.callbacks().forEach(c -> c.onEpochStart(epoch));
    s.listener()
        .onEvent(new TrainingEvent.EpochStarted(s.experiment(), s.fold(), s.stage(), epoch));
    s.trainScores().reset();
    double lossSum = 0;
    long examples = 0;
    int batch = 0;
    while (batch < steps && s.train().hasNext()) {
      s.token().throwIfCancelled();
      final int b = batch;
      s.callbacks().forEach(c -> c.onBatchStart(b));
      double lr = s.learningRate().learningRate();
      long start = System.nanoTime();
      MultiDataSet data = s.train().next();
      capture.nextBatch(data.getLabels());
      s.network().fit(data);
      double loss = s.network().score();
      long size = data.getFeatures(0).size(0);
      lossSum += loss * size;
      examples += size;
      double seconds = (System.nanoTime() - start) / 1e9;
      s.callbacks().forEach(c -> c.onBatchEnd(b, loss));
      s.listener()
          .onEvent(
              new TrainingEvent.BatchEnded(
                  s.experiment(),
                  s.fold(),
                  s.stage(),
                  epoch,
                  b,
                  loss,
                  lr,
                  seconds > 0 ? size / seconds : 0));
      batch++;
      if (anyStops()) {
        trainLoss = examples == 0 ? Double.NaN : lossSum / examples;
        return true;
      }
    }
    s.token().throwIfCancelled();
    trainLoss = examples == 0 ? Double.NaN : lossSum / examples;
    return false;
  }

  private double trainLoss;

  /** Validation, the metrics row through the callbacks (CSV logger last), the checkpoint. */
  private Map<String, Double> endEpoch(int epoch) throws IOException {
    Map<String, Double> row = new LinkedHashMap<>(s.trainScores().values(false));
    row.put("loss", trainLoss);
    row.put("lr", s.learningRate().learningRate());
    s.validationScores().reset();
    s.validation().reset();
    while (s.validation().hasNext()) {
      s.token().throwIfCancelled();
      MultiDataSet data = s.validation().next();
      s.validationScores().update(s.network().output(false, data.getFeatures()), data.getLabels());
    }
    row.putAll(s.validationScores().values(true));
    for (TrainingCallback c : s.callbacks()) {
      double lrBefore = s.learningRate().learningRate();
      c.onEpochEnd(epoch, row);
      double lrAfter = s.learningRate().learningRate();
      // one event per change: ReduceLROnPlateau reports its own (it was reported twice)
      if (lrAfter != lrBefore && !c.reportsLearningRateChanges()) {
        s.listener()
            .onEvent(
                new TrainingEvent.LearningRateChanged(
                    s.experiment(), s.fold(), s.stage(), epoch, lrBefore, lrAfter, c.name()));
      }
    }
    s.listener()
        .onEvent(new TrainingEvent.EpochEnded(s.experiment(), s.fold(), s.stage(), epoch, row));
    if (s.checkpoint().shouldSave(epoch, row)) {
      var file = s.folder().bestWeights(s.fold(), s.stage());
      NetworkFiles.save(s.network(), file, false);
      s.listener()
          .onEvent(
              new TrainingEvent.CheckpointSaved(
                  s.experiment(),
                  s.fold(),
                  s.stage(),
                  epoch,
                  s.checkpoint().monitor(),
                  s.checkpoint().best(),
                  file.toString()));
    }
    return row;
  }

  private boolean anyStops() {
    for (TrainingCallback c : s.callbacks()) {
      if (c.shouldStop()) {
        return true;
      }
    }
    return false;
  }

  /** The resume checkpoint of one epoch: {@code resume/checkpoint-<fold>.<stage>.e<epoch>.zip}. */
  static java.nio.file.Path checkpointFile(
      ExperimentFolder folder, int fold, int stage, int epoch) {
    return folder.resumeDir().resolve("checkpoint-" + fold + "." + stage + ".e" + epoch + ".zip");
  }

  /**
   * The epoch's network with optimizer state first (a file of its own), then the state naming it,
   * then the older checkpoints go: a kill at any point leaves a state whose checkpoint exists and
   * matches it.
   */
  private void saveResumePoint(int epoch) throws IOException {
    var checkpoint = checkpointFile(s.folder(), s.fold(), s.stage(), epoch);
    NetworkFiles.save(s.network(), checkpoint, true);
    List<Map<String, Object>> states = new ArrayList<>();
    s.callbacks().forEach(c -> states.add(c.state()));
    double best = s.checkpoint().best();
    s.folder()
        .saveResumeState(
            new ResumeState(
                s.fold(),
                s.stage(),
                epoch,
                false,
                s.learningRate().learningRate(),
                Double.isInfinite(best) ? null : best,
                s.checkpoint().state(),
                states,
                Map.of()));
    try (var files = java.nio.file.Files.list(s.folder().resumeDir())) {
      String prefix = "checkpoint-" + s.fold() + "." + s.stage() + ".e";
      for (var f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.startsWith(prefix) && !f.equals(checkpoint)) {
          java.nio.file.Files.deleteIfExists(f);
        }
      }
    }
  }

  private void restore(ResumeState state) {
    s.checkpoint().restoreState(state.checkpointState());
    List<Map<String, Object>> states = state.callbackStates();
    if (states.size() != s.callbacks().size()) {
      LOG.warn(
          "The resume state holds {} callback states but the stage has {} callbacks; "
              + "callbacks start afresh",
          states.size(),
          s.callbacks().size());
      return;
    }
    for (int i = 0; i < states.size(); i++) {
      s.callbacks().get(i).restoreState(states.get(i));
    }
  }
}
