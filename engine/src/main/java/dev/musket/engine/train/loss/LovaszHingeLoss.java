package dev.musket.engine.train.loss;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Musket's {@code lovasz_loss}: the binary Lovász hinge (Berman et al.), per example, averaged over
 * the batch. It is a convex surrogate of the Jaccard index computed on <em>logits</em>: Musket
 * rebuilds the model so that the loss sees pre-activation values, so this loss reads DL4J's
 * preOutput and ignores the layer's activation (predictions still go through it).
 *
 * <p>Per example: errors {@code e = 1 - x s} with signs {@code s = 2y - 1}, sorted descending; the
 * loss is {@code sum elu(e_k) g_k}, where {@code g} is the Lovász extension's gradient of the
 * Jaccard loss for that order (held constant, as Musket's {@code stop_gradient}). Musket squeezes a
 * single-output head to one value per image; for a head with several outputs the example's outputs
 * form its "image". Targets are truncated to integers, as Musket's cast does.
 */
public final class LovaszHingeLoss extends KerasLoss {

  private static final long serialVersionUID = 1L;

  @Override
  public String kerasName() {
    return "lovasz_loss";
  }

  @Override
  protected boolean readsActivatedOutput() {
    return false;
  }

  @Override
  protected Value evaluate(double[][] labels, double[][] logits) {
    int n = logits.length;
    double[] scores = new double[n];
    double[][] gradient = new double[n][];
    for (int i = 0; i < n; i++) {
      gradient[i] = new double[logits[i].length];
      scores[i] = hinge(labels[i], logits[i], gradient[i]);
    }
    return new Value(scores, gradient);
  }

  /** One example's loss; writes its gradient w.r.t. the logits into {@code gradient}. */
  private static double hinge(double[] label, double[] logit, double[] gradient) {
    int p = logit.length;
    double[] truth = new double[p];
    double[] sign = new double[p];
    double[] error = new double[p];
    for (int j = 0; j < p; j++) {
      truth[j] = (int) label[j];
      sign[j] = 2 * truth[j] - 1;
      error[j] = 1 - logit[j] * sign[j];
    }
    // Descending by error; equal errors keep index order, as tf.nn.top_k does.
    Integer[] order = new Integer[p];
    for (int k = 0; k < p; k++) {
      order[k] = k;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer k) -> -error[k]));
    double[] jaccardGradient = lovaszGradient(truth, order);
    double loss = 0;
    for (int k = 0; k < p; k++) {
      int j = order[k];
      double e = error[j];
      boolean positive = e > 0;
      loss += (positive ? e : Math.expm1(e)) * jaccardGradient[k];
      double dElu = positive ? 1 : Math.exp(e);
      gradient[j] = dElu * jaccardGradient[k] * -sign[j];
    }
    return loss;
  }

  /** Alg. 1 of the paper: the Jaccard loss's increments along the sorted order. */
  private static double[] lovaszGradient(double[] truth, Integer[] order) {
    int p = order.length;
    double positives = 0;
    for (double t : truth) {
      positives += t;
    }
    double[] g = new double[p];
    double cumulativeTruth = 0;
    double cumulativeFalse = 0;
    double previous = 0;
    for (int k = 0; k < p; k++) {
      double t = truth[order[k]];
      cumulativeTruth += t;
      cumulativeFalse += 1 - t;
      double jaccard = 1 - (positives - cumulativeTruth) / (positives + cumulativeFalse);
      g[k] = k == 0 ? jaccard : jaccard - previous;
      previous = jaccard;
    }
    return g;
  }
}
