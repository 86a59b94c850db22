package dev.musket.engine.data;

import dev.musket.engine.augment.HwcImage;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Packs prepared images and targets into a DL4J {@link MultiDataSet}: one NCHW float32 feature
 * array with pixels scaled to [0, 1] ({@code value / 255}), and one label array per model output
 * ({@code [batch, classes]}, one-hot or multi-hot as the dataset gives).
 */
final class BatchAssembler {
  private BatchAssembler() {}

  static MultiDataSet assemble(List<HwcImage> images, List<float[][]> targets) {
    int b = images.size();
    HwcImage first = images.get(0);
    int h = first.height();
    int w = first.width();
    int c = first.channels();
    int plane = h * w;
    float[] features = new float[b * c * plane];
    for (int n = 0; n < b; n++) {
      HwcImage img = images.get(n);
      if (img.height() != h || img.width() != w || img.channels() != c) {
        throw new IllegalStateException(
            "batch mixes image shapes " + first + " and " + img + " (set manualResize: false?)");
      }
      byte[] px = img.data();
      int base = n * c * plane;
      for (int p = 0, i = 0; p < plane; p++) {
        for (int k = 0; k < c; k++, i++) {
          features[base + k * plane + p] = (px[i] & 0xFF) / 255f;
        }
      }
    }
    int outputs = targets.get(0).length;
    INDArray[] labels = new INDArray[outputs];
    for (int o = 0; o < outputs; o++) {
      int classes = targets.get(0)[o].length;
      float[] l = new float[b * classes];
      for (int n = 0; n < b; n++) {
        System.arraycopy(targets.get(n)[o], 0, l, n * classes, classes);
      }
      labels[o] = Nd4j.create(l, new long[] {b, classes}, 'c');
    }
    INDArray x = Nd4j.create(features, new long[] {b, c, h, w}, 'c');
    return new org.nd4j.linalg.dataset.MultiDataSet(new INDArray[] {x}, labels);
  }
}
