package dev.musket.engine.data;

import dev.musket.engine.augment.HwcImage;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The {@code idx} source: MNIST / Fashion-MNIST files (an idx3 image file and an idx1 label file),
 * gzipped or not, held in memory (60,000 28x28 images are 47 MB).
 */
public final class IdxDataSet implements DataSet {
  private static final int IMAGES_MAGIC = 0x00000803;
  private static final int LABELS_MAGIC = 0x00000801;

  private final int rows;
  private final int cols;
  private final byte[] pixels;
  private final byte[] labels;
  private final List<String> classes;

  private IdxDataSet(int rows, int cols, byte[] pixels, byte[] labels, int classCount) {
    this.rows = rows;
    this.cols = cols;
    this.pixels = pixels;
    this.labels = labels;
    List<String> names = new ArrayList<>();
    for (int c = 0; c < classCount; c++) {
      names.add(Integer.toString(c));
    }
    this.classes = List.copyOf(names);
  }

  public static IdxDataSet load(Path images, Path labels) throws IOException {
    int count;
    int rows;
    int cols;
    byte[] pixels;
    try (DataInputStream in = open(images)) {
      int magic = in.readInt();
      if (magic != IMAGES_MAGIC) {
        throw new IOException(
            images
                + " is not an IDX image file (magic "
                + Integer.toHexString(magic)
                + ", expected 803)");
      }
      count = in.readInt();
      rows = in.readInt();
      cols = in.readInt();
      pixels = new byte[Math.multiplyExact(count, rows * cols)];
      in.readFully(pixels);
    }
    byte[] lab;
    try (DataInputStream in = open(labels)) {
      int magic = in.readInt();
      if (magic != LABELS_MAGIC) {
        throw new IOException(
            labels
                + " is not an IDX label file (magic "
                + Integer.toHexString(magic)
                + ", expected 801)");
      }
      int n = in.readInt();
      if (n != count) {
        throw new IOException(
            images + " holds " + count + " images but " + labels + " " + n + " labels");
      }
      lab = new byte[n];
      in.readFully(lab);
    }
    int max = 0;
    for (byte b : lab) {
      max = Math.max(max, b & 0xFF);
    }
    return new IdxDataSet(rows, cols, pixels, lab, Math.max(10, max + 1));
  }

  private static DataInputStream open(Path file) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file));
    raw.mark(2);
    int b1 = raw.read();
    int b2 = raw.read();
    raw.reset();
    boolean gzip = b1 == 0x1f && b2 == 0x8b;
    return new DataInputStream(new BufferedInputStream(gzip ? new GZIPInputStream(raw) : raw));
  }

  @Override
  public int size() {
    return labels.length;
  }

  @Override
  public PredictionItem item(int index) {
    int n = rows * cols;
    byte[] data = new byte[n];
    System.arraycopy(pixels, index * n, data, 0, n);
    return new PredictionItem(id(index), new HwcImage(rows, cols, 1, data), target(index));
  }

  @Override
  public String id(int index) {
    return Integer.toString(index);
  }

  @Override
  public float[][] target(int index) {
    float[] t = new float[classes.size()];
    t[labels[index] & 0xFF] = 1;
    return new float[][] {t};
  }

  @Override
  public List<List<String>> classNames() {
    return List.of(classes);
  }
}
