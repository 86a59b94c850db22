package dev.musket.engine.predict;

import dev.musket.engine.data.CroppedDataSet;
import dev.musket.engine.data.DataSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The items the network sees (dataset indices, cells when {@code crops} is set) and the images the
 * prediction reports (one per whole image): {@code imageOf[k]} is the image of the k-th item.
 *
 * <p>Why reassemble: with {@code crops: N} the network classifies each of the N x N cells; an image
 * gets the mean of its cells' probabilities, so predictions and evaluation are per image, as the
 * user's ids are.
 */
record SelectedItems(
    DataSet dataSet,
    int[] indices,
    boolean labelled,
    int[] imageOf,
    List<String> imageIds,
    List<float[][]> imageTargets) {

  static SelectedItems of(DataSet ds, int[] indices, boolean labelled) {
    Map<Object, Integer> images = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>();
    List<float[][]> targets = new ArrayList<>();
    int[] imageOf = new int[indices.length];
    for (int k = 0; k < indices.length; k++) {
      int index = indices[k];
      int image;
      String id;
      float[][] target;
      if (ds instanceof CroppedDataSet cropped) {
        image = index / cropped.cellsPerImage();
        id = cropped.base().id(image);
        target = cropped.base().target(image);
      } else {
        image = index;
        id = ds.id(index);
        target = ds.target(index);
      }
      Integer known = images.get(image);
      if (known == null) {
        known = images.size();
        images.put(image, known);
        ids.add(id);
        targets.add(target);
      }
      imageOf[k] = known;
    }
    return new SelectedItems(ds, indices, labelled, imageOf, List.copyOf(ids), targets);
  }

  int images() {
    return imageIds.size();
  }

  /** Mean over each image's items of {@code perItem} ({@code [output][item][class]}). */
  float[][][] reassemble(float[][][] perItem) {
    int outputs = perItem.length;
    float[][][] out = new float[outputs][images()][];
    int[] count = new int[images()];
    for (int i : imageOf) {
      count[i]++;
    }
    for (int o = 0; o < outputs; o++) {
      for (int k = 0; k < imageOf.length; k++) {
        float[] row = perItem[o][k];
        float[] sum = out[o][imageOf[k]];
        if (sum == null) {
          sum = new float[row.length];
          out[o][imageOf[k]] = sum;
        }
        for (int c = 0; c < row.length; c++) {
          sum[c] += row[c] / count[imageOf[k]];
        }
      }
    }
    return out;
  }

  /** The targets per output, {@code null} when the items have no labels. */
  float[][][] targets() {
    if (!labelled) {
      return null;
    }
    int outputs = imageTargets.isEmpty() ? 0 : imageTargets.get(0).length;
    float[][][] t = new float[outputs][images()][];
    for (int i = 0; i < images(); i++) {
      for (int o = 0; o < outputs; o++) {
        t[o][i] = imageTargets.get(i)[o];
      }
    }
    return t;
  }
}
