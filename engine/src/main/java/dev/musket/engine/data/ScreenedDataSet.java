package dev.musket.engine.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dataset with its unreadable images removed: every image is decoded once up front, each bad one
 * is logged as a warning and counted, and the rest are served under new, contiguous indices.
 *
 * <p>Why up front: a bad file found mid-epoch would change the dataset's size under the splitter;
 * screening first keeps folds stable and gives the summary an exact count. A predefined holdout or
 * folds of the source are kept, renumbered to the new indices.
 */
public final class ScreenedDataSet implements DataSet {
  private static final Logger LOG = LoggerFactory.getLogger(ScreenedDataSet.class);

  private final DataSet base;
  private final int[] kept;
  private final List<SkippedImage> skipped;

  private ScreenedDataSet(DataSet base, int[] kept, List<SkippedImage> skipped) {
    this.base = base;
    this.kept = kept;
    this.skipped = List.copyOf(skipped);
  }

  public static ScreenedDataSet screen(DataSet base) {
    List<Integer> ok = new ArrayList<>();
    List<SkippedImage> bad = new ArrayList<>();
    for (int i = 0; i < base.size(); i++) {
      try {
        base.item(i);
        ok.add(i);
      } catch (BadImageException e) {
        // the message names the file and the dataset index
        LOG.warn("skipping bad image: {}", e.getMessage());
        bad.add(new SkippedImage(i, base.id(i), e.file(), e.getMessage()));
      }
    }
    if (!bad.isEmpty()) {
      LOG.warn("skipped {} bad image(s) of {}", bad.size(), base.size());
    }
    return new ScreenedDataSet(base, ok.stream().mapToInt(Integer::intValue).toArray(), bad);
  }

  /** The images that were dropped, each naming its file and original index. */
  public List<SkippedImage> skipped() {
    return skipped;
  }

  @Override
  public int size() {
    return kept.length;
  }

  @Override
  public PredictionItem item(int index) {
    return base.item(kept[index]);
  }

  @Override
  public String id(int index) {
    return base.id(kept[index]);
  }

  @Override
  public float[][] target(int index) {
    return base.target(kept[index]);
  }

  @Override
  public List<List<String>> classNames() {
    return base.classNames();
  }

  @Override
  public boolean isPositive(int index) {
    return base.isPositive(kept[index]);
  }

  @Override
  public int stratifyClass(int index) {
    return base.stratifyClass(kept[index]);
  }

  @Override
  public Optional<List<int[]>> predefinedFolds() {
    return base.predefinedFolds().map(folds -> folds.stream().map(this::renumber).toList());
  }

  @Override
  public Optional<int[]> predefinedHoldout() {
    return base.predefinedHoldout().map(this::renumber);
  }

  /** Base indices as indices of this dataset; the dropped ones are left out. */
  private int[] renumber(int[] baseIndices) {
    return Arrays.stream(baseIndices)
        .map(i -> Arrays.binarySearch(kept, i))
        .filter(i -> i >= 0)
        .toArray();
  }
}
