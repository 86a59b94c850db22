package dev.musket.engine.predict;

import dev.musket.engine.experiment.ExperimentFolder;
import dev.musket.engine.experiment.FoldStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which (fold, stage) best weights a request averages, by Musket's defaults: all folds (a fold's
 * validation set: that fold only) times all stages ({@code -1} = the last). Every member must exist
 * and have its weights file; otherwise the error says which and how to get it.
 */
final class EnsembleMembers {

  private static final Logger LOG = LoggerFactory.getLogger(EnsembleMembers.class);

  private final Path project;
  private final String name;
  private final ExperimentFolder folder;

  EnsembleMembers(Path project, String name, ExperimentFolder folder) {
    this.project = project;
    this.name = name;
    this.folder = folder;
  }

  List<FoldStage> resolve(PredictionRequest request, int stageCount, int foldCount) {
    List<Integer> stages =
        request.stages().isEmpty()
            ? IntStream.range(0, stageCount).boxed().toList()
            : request.stages().stream().map(s -> s == -1 ? stageCount - 1 : s).distinct().toList();
    for (int s : stages) {
      if (s < 0 || s >= stageCount) {
        throw new PredictionException(
            "experiment '"
                + name
                + "' has no stage "
                + s
                + "; its stages are 0.."
                + (stageCount - 1)
                + " (-1 = the last)");
      }
    }
    List<Integer> folds = request.folds();
    if (folds.isEmpty()) {
      folds =
          request.source() instanceof PredictionSource.Validation v
              ? List.of(v.fold())
              : IntStream.range(0, foldCount).boxed().toList();
    }
    for (int f : folds) {
      if (f < 0 || f >= foldCount) {
        throw new PredictionException(
            "experiment '" + name + "' has no fold " + f + "; its folds are 0.." + (foldCount - 1));
      }
    }
    if (request.source() instanceof PredictionSource.Validation v
        && folds.stream().anyMatch(f -> f != v.fold())) {
      LOG.warn(
          "{}: fold {}'s validation items were training items of folds {}; their scores are"
              + " optimistic",
          name,
          v.fold(),
          folds.stream().filter(f -> f != v.fold()).toList());
    }
    List<FoldStage> members = new ArrayList<>();
    for (int f : folds.stream().distinct().sorted().toList()) {
      for (int s : stages.stream().sorted().toList()) {
        Path w = folder.bestWeights(f, s);
        if (!Files.isRegularFile(w)) {
          throw new PredictionException(
              "experiment '"
                  + name
                  + "' has no weights for fold "
                  + f
                  + ", stage "
                  + s
                  + " ("
                  + w
                  + "); train it first: ./musket fit --project "
                  + project
                  + " --name "
                  + name);
        }
        members.add(new FoldStage(f, s));
      }
    }
    return members;
  }
}
