package dev.musket.engine.evaluate;

import dev.musket.engine.predict.PredictionException;
import dev.musket.engine.predict.Predictions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Scores {@link Predictions} against their ground truth.
 *
 * <p>Single-label outputs: the predicted class is the most probable one, the confusion matrix is
 * {@code [true][predicted]}, and an item's loss is the categorical cross-entropy {@code -ln p(true
 * class)}. Multi-label outputs: a class is predicted above 0.5 (Musket's threshold), and the loss
 * is the binary cross-entropy averaged over classes. Probabilities are clipped to [1e-7, 1 - 1e-7]
 * as Keras does, so a confident mistake has a large, finite loss.
 */
public final class Evaluator {

  private static final double EPSILON = 1e-7;

  private final int topLosses;

  /**
   * @param topLosses how many of the worst items to keep per output
   */
  public Evaluator(int topLosses) {
    this.topLosses = topLosses;
  }

  public Evaluation evaluate(Predictions p) {
    if (!p.hasTargets()) {
      throw new PredictionException(
          "experiment '"
              + p.experiment()
              + "': "
              + p.source().describe()
              + " has no labels matching the experiment's classes "
              + p.classNames()
              + "; evaluate needs --holdout, --validation FOLD or a --dataset labelled with the same"
              + " classes");
    }
    List<OutputEvaluation> outputs = new ArrayList<>();
    for (int o = 0; o < p.outputs(); o++) {
      outputs.add(p.singleLabel()[o] ? singleLabel(p, o) : multiLabel(p, o));
    }
    return new Evaluation(
        p.experiment(), p.source(), p.members(), p.tta(), p.size(), List.copyOf(outputs));
  }

  private OutputEvaluation singleLabel(Predictions p, int o) {
    List<String> names = p.classNames().get(o);
    int k = names.size();
    int[][] confusion = new int[k][k];
    double[] losses = new double[p.size()];
    int correct = 0;
    for (int i = 0; i < p.size(); i++) {
      int truth = argmax(p.targets()[o][i]);
      int predicted = p.predictedClass(o, i);
      confusion[truth][predicted]++;
      correct += truth == predicted ? 1 : 0;
      losses[i] = -Math.log(clip(p.probabilities()[o][i][truth]));
    }
    List<ClassScores> classes = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      int tp = confusion[c][c];
      int fn = 0;
      int fp = 0;
      for (int other = 0; other < k; other++) {
        if (other != c) {
          fn += confusion[c][other];
          fp += confusion[other][c];
        }
      }
      classes.add(ClassScores.of(names.get(c), tp, fp, fn));
    }
    return new OutputEvaluation(
        o,
        names,
        true,
        confusion,
        List.copyOf(classes),
        p.size() == 0 ? 0 : (double) correct / p.size(),
        top(p, o, losses));
  }

  private OutputEvaluation multiLabel(Predictions p, int o) {
    List<String> names = p.classNames().get(o);
    int k = names.size();
    int[] tp = new int[k];
    int[] fp = new int[k];
    int[] fn = new int[k];
    double[] losses = new double[p.size()];
    int exact = 0;
    for (int i = 0; i < p.size(); i++) {
      float[] truth = p.targets()[o][i];
      float[] prob = p.probabilities()[o][i];
      boolean allRight = true;
      double loss = 0;
      for (int c = 0; c < k; c++) {
        boolean t = truth[c] > 0.5f;
        boolean pr = prob[c] > 0.5f;
        tp[c] += t && pr ? 1 : 0;
        fp[c] += !t && pr ? 1 : 0;
        fn[c] += t && !pr ? 1 : 0;
        allRight &= t == pr;
        loss -= t ? Math.log(clip(prob[c])) : Math.log(clip(1 - prob[c]));
      }
      exact += allRight ? 1 : 0;
      losses[i] = loss / k;
    }
    List<ClassScores> classes = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      classes.add(ClassScores.of(names.get(c), tp[c], fp[c], fn[c]));
    }
    return new OutputEvaluation(
        o,
        names,
        false,
        null,
        List.copyOf(classes),
        p.size() == 0 ? 0 : (double) exact / p.size(),
        top(p, o, losses));
  }

  private List<TopLoss> top(Predictions p, int o, double[] losses) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < losses.length; i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> -losses[i]).thenComparing(i -> i));
    return order.stream()
        .limit(topLosses)
        .map(
            i ->
                new TopLoss(
                    p.ids().get(i),
                    p.trueLabel(o, i),
                    p.predictedLabel(o, i),
                    losses[i],
                    p.probabilities()[o][i].clone()))
        .toList();
  }

  private static double clip(double v) {
    return Math.min(1 - EPSILON, Math.max(EPSILON, v));
  }

  private static int argmax(float[] row) {
    int best = 0;
    for (int c = 1; c < row.length; c++) {
      if (row[c] > row[best]) {
        best = c;
      }
    }
    return best;
  }
}
