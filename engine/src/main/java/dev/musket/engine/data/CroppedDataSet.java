package dev.musket.engine.data;

import dev.musket.engine.augment.HwcImage;
import dev.musket.engine.augment.opencv.Interpolation;
import dev.musket.engine.augment.opencv.OpenCvOps;
import java.util.List;

/**
 * Musket's {@code crops: N}: each image is resized to the config's {@code shape} and cut into N x N
 * cells, each cell an item of its own with the image's targets (the model input is then shape / N).
 * Item {@code i} is cell {@code i % N^2} of base item {@code i / N^2}, in row-major cell order.
 * Splits are planned over the base images, so all cells of an image share their fold and holdout
 * ({@code ExperimentSplits}).
 */
public final class CroppedDataSet implements DataSet {
  private final DataSet base;
  private final int crops;
  private final int height;
  private final int width;

  public CroppedDataSet(DataSet base, int crops, int height, int width) {
    if (crops < 1 || height % crops != 0 || width % crops != 0) {
      throw new IllegalArgumentException(
          "crops " + crops + " must divide the shape " + height + "x" + width);
    }
    this.base = base;
    this.crops = crops;
    this.height = height;
    this.width = width;
  }

  private int cells() {
    return crops * crops;
  }

  /** The whole images the cells are cut from (prediction reassembles cells into these). */
  public DataSet base() {
    return base;
  }

  /** Cells per image ({@code crops^2}): item {@code i} belongs to base item {@code i / this}. */
  public int cellsPerImage() {
    return cells();
  }

  @Override
  public int size() {
    return base.size() * cells();
  }

  @Override
  public PredictionItem item(int index) {
    PredictionItem whole = base.item(index / cells());
    HwcImage sized = OpenCvOps.resize(whole.x(), height, width, Interpolation.AREA);
    int cell = index % cells();
    int ch = height / crops;
    int cw = width / crops;
    int top = (cell / crops) * ch;
    int left = (cell % crops) * cw;
    HwcImage out = HwcImage.blank(ch, cw, sized.channels());
    int rowBytes = cw * sized.channels();
    for (int y = 0; y < ch; y++) {
      System.arraycopy(
          sized.data(), sized.index(top + y, left, 0), out.data(), y * rowBytes, rowBytes);
    }
    return new PredictionItem(id(index), out, whole.y());
  }

  @Override
  public String id(int index) {
    return base.id(index / cells()) + "#" + index % cells();
  }

  @Override
  public float[][] target(int index) {
    return base.target(index / cells());
  }

  @Override
  public List<List<String>> classNames() {
    return base.classNames();
  }

  @Override
  public boolean isPositive(int index) {
    return base.isPositive(index / cells());
  }

  @Override
  public int stratifyClass(int index) {
    return base.stratifyClass(index / cells());
  }
}
