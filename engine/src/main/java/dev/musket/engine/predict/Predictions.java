package dev.musket.engine.predict;

import dev.musket.engine.experiment.FoldStage;
import java.util.ArrayList;
import java.util.List;

/**
 * An ensemble's predicted probabilities for a selection of items, one row per image (crops already
 * reassembled), with the ground truth when the selection has labels. Plain data the desktop app can
 * show; the arrays are not copied, so treat them as read-only.
 *
 * @param members the (fold, stage) best weights averaged
 * @param probabilities {@code [output][item][class]}
 * @param targets {@code [output][item][class]}, or {@code null} for unlabelled items
 * @param singleLabel per output: exactly one class per item (the label is the most probable class)
 * @param fromCache whether the values were read from {@code predictions/} instead of computed
 */
public record Predictions(
    String experiment,
    PredictionSource source,
    List<FoldStage> members,
    TtaMode tta,
    List<String> ids,
    List<List<String>> classNames,
    float[][][] probabilities,
    float[][][] targets,
    boolean[] singleLabel,
    boolean fromCache) {

  public int size() {
    return ids.size();
  }

  public int outputs() {
    return probabilities.length;
  }

  public boolean hasTargets() {
    return targets != null;
  }

  /** The most probable class of an item. */
  public int predictedClass(int output, int item) {
    return argmax(probabilities[output][item]);
  }

  /**
   * The predicted label as text: the most probable class for single-label outputs, else every class
   * above 0.5, space-separated (Musket's threshold).
   */
  public String predictedLabel(int output, int item) {
    return label(output, probabilities[output][item]);
  }

  /** The true label as text, as {@link #predictedLabel} writes it. */
  public String trueLabel(int output, int item) {
    return label(output, targets[output][item]);
  }

  private String label(int output, float[] row) {
    List<String> names = classNames.get(output);
    if (singleLabel[output]) {
      return names.get(argmax(row));
    }
    List<String> on = new ArrayList<>();
    for (int c = 0; c < row.length; c++) {
      if (row[c] > 0.5f) {
        on.add(names.get(c));
      }
    }
    return String.join(" ", on);
  }

  static int argmax(float[] row) {
    int best = 0;
    for (int c = 1; c < row.length; c++) {
      if (row[c] > row[best]) {
        best = c;
      }
    }
    return best;
  }
}
