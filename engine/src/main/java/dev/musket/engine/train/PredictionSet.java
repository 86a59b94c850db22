package dev.musket.engine.train;

import dev.musket.engine.events.CancellationToken;
import dev.musket.engine.util.Matrices;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network's activated predictions on a set of items, with their targets: {@code [head][item]
 * [class]}. Summaries average such sets over stages and folds (Musket's ensembles) before scoring
 * them.
 */
record PredictionSet(float[][][] predictions, float[][][] targets) {

  /** Predicts every batch of {@code data} (reset first), checking {@code token} per batch. */
  static PredictionSet predict(
      ComputationGraph network, MultiDataSetIterator data, CancellationToken token) {
    data.reset();
    int heads = network.getConfiguration().getNetworkOutputs().size();
    List<List<float[]>> p = new ArrayList<>();
    List<List<float[]>> t = new ArrayList<>();
    for (int h = 0; h < heads; h++) {
      p.add(new ArrayList<>());
      t.add(new ArrayList<>());
    }
    while (data.hasNext()) {
      token.throwIfCancelled();
      MultiDataSet batch = data.next();
      INDArray[] out = network.output(false, batch.getFeatures());
      for (int h = 0; h < heads; h++) {
        p.get(h).addAll(List.of(Matrices.floatRows(out[h])));
        t.get(h).addAll(List.of(Matrices.floatRows(batch.getLabels(h))));
      }
    }
    float[][][] predictions = new float[heads][][];
    float[][][] targets = new float[heads][][];
    for (int h = 0; h < heads; h++) {
      predictions[h] = p.get(h).toArray(float[][]::new);
      targets[h] = t.get(h).toArray(float[][]::new);
    }
    return new PredictionSet(predictions, targets);
  }

  int size() {
    return predictions.length == 0 ? 0 : predictions[0].length;
  }

  /** The element-wise mean of sets over the same items (an ensemble). */
  static PredictionSet mean(List<PredictionSet> sets) {
    PredictionSet first = sets.get(0);
    float[][][] sum = new float[first.predictions.length][][];
    for (int h = 0; h < sum.length; h++) {
      sum[h] = new float[first.predictions[h].length][];
      for (int i = 0; i < sum[h].length; i++) {
        float[] row = new float[first.predictions[h][i].length];
        for (PredictionSet s : sets) {
          float[] r = s.predictions[h][i];
          for (int c = 0; c < row.length; c++) {
            row[c] += r[c] / sets.size();
          }
        }
        sum[h][i] = row;
      }
    }
    return new PredictionSet(sum, first.targets);
  }

  /** Feeds the whole set to {@code scores} as one batch. */
  void scoreInto(EpochScores scores) {
    if (size() == 0) {
      return;
    }
    INDArray[] p = new INDArray[predictions.length];
    INDArray[] y = new INDArray[predictions.length];
    for (int h = 0; h < p.length; h++) {
      p[h] = Nd4j.create(predictions[h]);
      y[h] = Nd4j.create(targets[h]);
    }
    scores.update(p, y);
  }
}
