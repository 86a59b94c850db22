package dev.musket.engine.data.split;

import dev.musket.engine.data.CroppedDataSet;
import dev.musket.engine.data.DataSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The holdout and the folds of one experiment, planned once and reused: read from the sidecar files
 * next to {@code config.yaml} when they exist and fit the dataset, else computed and written.
 *
 * <p>Why reuse: a rerun, a resumed run or a later {@code predict} must validate each fold's model
 * on exactly the items it never trained on, even if a seed default changes.
 *
 * <p>With {@code crops} ({@link CroppedDataSet}) the images are split, not their cells: the split
 * files index images, and each image's cells then go wherever the image went. Why: cells of one
 * image are near copies of each other, so a fold validating on cells whose siblings it trained on
 * (or a holdout sharing images with the folds) would report an optimistic score.
 *
 * <p>The folds after a holdout are Musket's: made over positions in the holdout's training part in
 * Musket's order (its shuffle, or the order its file lists), which is why the holdout file keeps
 * that order (docs/decisions/0018).
 *
 * @param holdout {@code train} = everything folds are drawn from; {@code heldOut} = the holdout
 *     (empty when {@code testSplit} is 0); each part sorted
 * @param folds per fold, training and validation indices (dataset indices, each part sorted)
 */
public record ExperimentSplits(Split holdout, List<Split> folds) {
  private static final Logger LOG = LoggerFactory.getLogger(ExperimentSplits.class);

  public static ExperimentSplits plan(DataSet ds, SplitSettings s, Path configFile)
      throws IOException {
    return plan(ds, s, configFile, true);
  }

  /**
   * The splits {@link #plan} would use, without writing the sidecar files: for viewers (the
   * workbench's dataset view) that must not change the project just by looking at it. Splitting is
   * seeded, so a later {@link #plan} computes the same ones.
   */
  public static ExperimentSplits peek(DataSet ds, SplitSettings s, Path configFile)
      throws IOException {
    return plan(ds, s, configFile, false);
  }

  private static ExperimentSplits plan(DataSet ds, SplitSettings s, Path configFile, boolean write)
      throws IOException {
    if (ds instanceof CroppedDataSet cropped) {
      return plan(cropped.base(), s, configFile, write).toCells(cropped.cellsPerImage());
    }
    int n = ds.size();
    // the holdout's training part in Musket's order (shuffled, or as its file lists it): the folds
    // split positions in that order, as Musket's do
    Split holdout = holdout(ds, s, configFile, n, write);
    List<Split> folds = folds(ds, s, configFile, holdout.train(), write);
    return new ExperimentSplits(holdout.sorted(), folds);
  }

  private static Split holdout(DataSet ds, SplitSettings s, Path configFile, int n, boolean write)
      throws IOException {
    Optional<int[]> predefined = ds.predefinedHoldout();
    if (predefined.isPresent()) {
      int[] held = predefined.get().clone();
      Arrays.sort(held);
      int[] train = IntStream.range(0, n).filter(i -> Arrays.binarySearch(held, i) < 0).toArray();
      return new Split(train, held);
    }
    if (s.testSplit() == 0) {
      return new Split(IntStream.range(0, n).toArray(), new int[0]);
    }
    Path file = SplitFiles.holdoutFile(configFile);
    Optional<Split> saved = SplitFiles.readHoldout(file);
    if (saved.isPresent() && covers(saved.get(), IntStream.range(0, n).toArray())) {
      return saved.get();
    }
    if (write) {
      saved.ifPresent(
          x -> LOG.warn("{} does not fit the dataset of {} items; recomputing", file, n));
    }
    Split split =
        Splitter.holdout(n, s.testSplit(), s.testSplitSeed(), s.stratified(), ds::stratifyClass);
    if (write) {
      SplitFiles.writeHoldout(file, split);
    }
    return split;
  }

  private static List<Split> folds(
      DataSet ds, SplitSettings s, Path configFile, int[] pool, boolean write) throws IOException {
    Optional<List<int[]>> predefined = ds.predefinedFolds();
    if (predefined.isPresent()) {
      return predefined.get().stream()
          .map(
              val -> {
                int[] v = val.clone();
                Arrays.sort(v);
                return new Split(
                    Arrays.stream(pool)
                        .filter(i -> Arrays.binarySearch(v, i) < 0)
                        .sorted()
                        .toArray(),
                    v);
              })
          .toList();
    }
    Path file = SplitFiles.foldsFile(configFile);
    Optional<List<Split>> saved = SplitFiles.readFolds(file);
    int expected = s.foldsCount();
    if (saved.isPresent()
        && saved.get().size() == expected
        && saved.get().stream().allMatch(f -> covers(f, pool))) {
      return saved.get();
    }
    if (write) {
      saved.ifPresent(x -> LOG.warn("{} does not fit this dataset/folds_count; recomputing", file));
    }
    List<Split> folds =
        expected == 1
            ? List.of(
                Splitter.validation(
                    pool, s.validationSplit(), s.randomState(), s.stratified(), ds::stratifyClass))
            : Splitter.folds(pool, expected, s.randomState(), s.stratified(), ds::stratifyClass);
    if (write) {
      SplitFiles.writeFolds(file, folds);
    }
    return folds;
  }

  /**
   * These splits of whole images as splits of their cells: image {@code i} becomes items {@code i *
   * cells .. i * cells + cells - 1} ({@link CroppedDataSet}'s numbering), in the same part.
   */
  ExperimentSplits toCells(int cells) {
    return new ExperimentSplits(
        holdout.toCells(cells), folds.stream().map(f -> f.toCells(cells)).toList());
  }

  /** Whether train + held-out are exactly {@code universe} (sorted), with no overlap. */
  static boolean covers(Split split, int[] universe) {
    int[] both =
        IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.heldOut()))
            .sorted()
            .toArray();
    int[] u = universe.clone();
    Arrays.sort(u);
    return Arrays.equals(both, u);
  }
}
