package dev.musket.engine.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dataset with its unreadable images removed: every image is decoded once up front, each bad one
 * is logged as a warning and counted, and the rest are served under new, contiguous indices.
 *
 * <p>Why up front: a bad file found mid-epoch would change the dataset's size under the splitter;
 * screening first keeps folds stable and gives the summary an exact count.
 */
public final class ScreenedDataSet implements DataSet {
  private static final Logger LOG = LoggerFactory.getLogger(ScreenedDataSet.class);

  private final DataSet base;
  private final int[] kept;
  private final List<BadImageException> skipped;

  private ScreenedDataSet(DataSet base, int[] kept, List<BadImageException> skipped) {
    this.base = base;
    this.kept = kept;
    this.skipped = List.copyOf(skipped);
  }

  public static ScreenedDataSet screen(DataSet base) {
    List<Integer> ok = new ArrayList<>();
    List<BadImageException> bad = new ArrayList<>();
    for (int i = 0; i < base.size(); i++) {
      try {
        base.item(i);
        ok.add(i);
      } catch (BadImageException e) {
        LOG.warn("skipping bad image: {}", e.getMessage());
        bad.add(e);
      }
    }
    if (!bad.isEmpty()) {
      LOG.warn("skipped {} bad image(s) of {}", bad.size(), base.size());
    }
    return new ScreenedDataSet(base, ok.stream().mapToInt(Integer::intValue).toArray(), bad);
  }

  /** The images that were dropped, each naming its file and original index. */
  public List<BadImageException> skipped() {
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
    return Optional.empty();
  }
}
