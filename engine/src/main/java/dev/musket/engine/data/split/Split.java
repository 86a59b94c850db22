package dev.musket.engine.data.split;

import java.util.Arrays;

/**
 * One division of dataset indices into a training part and a held-out part (validation for a fold,
 * the holdout for the holdout split). Indices are always indices of the whole dataset (of its cells
 * with {@code crops}; the split files hold the images'). {@link Splitter#holdout} gives its parts
 * in Musket's order, which numbers the folds after it; everywhere else each part is sorted.
 */
public record Split(int[] train, int[] heldOut) {

  /** The same division with each part in ascending order. */
  Split sorted() {
    int[] t = train.clone();
    int[] h = heldOut.clone();
    Arrays.sort(t);
    Arrays.sort(h);
    return new Split(t, h);
  }

  /**
   * The same division with each image index {@code i} replaced by its {@code cells} cell indices
   * {@code i * cells + c} (a {@code crops} dataset's numbering); sorted input stays sorted.
   */
  Split toCells(int cells) {
    return new Split(expand(train, cells), expand(heldOut, cells));
  }

  private static int[] expand(int[] images, int cells) {
    int[] out = new int[images.length * cells];
    for (int k = 0; k < images.length; k++) {
      for (int c = 0; c < cells; c++) {
        out[k * cells + c] = images[k] * cells + c;
      }
    }
    return out;
  }
}
