package dev.musket.engine.data.split;

/**
 * One division of dataset indices into a training part and a held-out part (validation for a fold,
 * the holdout for the holdout split). Indices are always indices of the whole dataset (of its cells
 * with {@code crops}; the split files hold the images').
 */
public record Split(int[] train, int[] heldOut) {

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
