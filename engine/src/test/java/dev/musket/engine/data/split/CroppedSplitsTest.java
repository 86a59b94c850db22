package dev.musket.engine.data.split;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.data.CroppedDataSet;
import dev.musket.engine.data.DataSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** crops: the images are split, then cut into cells, so no image sits in two splits. */
class CroppedSplitsTest {
  @TempDir Path dir;

  private static final int IMAGES = 31;

  /** 31 images of 3 classes cut into 2 x 2 cells (ids {@code i7#0 .. i7#3}). */
  private static CroppedDataSet cells() {
    return new CroppedDataSet(SplitsTest.labels(IMAGES, 3), 2, 8, 8);
  }

  private static Set<String> images(DataSet ds, int[] indices) {
    return Arrays.stream(indices)
        .mapToObj(i -> ds.id(i).substring(0, ds.id(i).indexOf('#')))
        .collect(Collectors.toSet());
  }

  @ParameterizedTest(name = "stratified: {0}")
  @ValueSource(booleans = {false, true})
  void noImageAppearsInTwoSplits(boolean stratified) throws IOException {
    CroppedDataSet ds = cells();
    SplitSettings s = new SplitSettings(0.2, 123, 3, 33, stratified, 0.2);

    ExperimentSplits splits = ExperimentSplits.plan(ds, s, dir.resolve("config.yaml"));

    Set<String> holdout = images(ds, splits.holdout().heldOut());
    // images, not cells: Musket's 31 - round(31 - 6.2) = 6, stratified ceil(31 * 0.2) = 7
    int held = stratified ? 7 : 6;
    assertThat(holdout).hasSize(held);
    assertThat(splits.holdout().heldOut()).hasSize(held * 4);
    assertThat(images(ds, splits.holdout().train())).doesNotContainAnyElementsOf(holdout);
    Set<String> validatedSomewhere = new HashSet<>();
    for (Split fold : splits.folds()) {
      Set<String> validation = images(ds, fold.heldOut());
      assertThat(images(ds, fold.train())).doesNotContainAnyElementsOf(validation);
      assertThat(validation).doesNotContainAnyElementsOf(holdout);
      assertThat(validatedSomewhere).doesNotContainAnyElementsOf(validation);
      validatedSomewhere.addAll(validation);
      assertThat(fold.heldOut()).hasSize(validation.size() * 4); // every cell of each image
    }
    assertThat(validatedSomewhere).hasSize(IMAGES - held);
  }

  @ParameterizedTest(name = "stratified: {0}")
  @ValueSource(booleans = {false, true})
  void splitFilesIndexImagesAndTheCellsFollowThem(boolean stratified) throws IOException {
    Path config = dir.resolve("config.yaml");
    SplitSettings s = new SplitSettings(0.2, 123, 3, 33, stratified, 0.2);

    ExperimentSplits cellSplits = ExperimentSplits.plan(cells(), s, config);

    Split savedHoldout = SplitFiles.readHoldout(SplitFiles.holdoutFile(config)).orElseThrow();
    List<Split> savedFolds = SplitFiles.readFolds(SplitFiles.foldsFile(config)).orElseThrow();
    assertThat(savedHoldout.train().length + savedHoldout.heldOut().length).isEqualTo(IMAGES);
    // the same splits as the whole images get without crops
    ExperimentSplits imageSplits =
        ExperimentSplits.peek(SplitsTest.labels(IMAGES, 3), s, dir.resolve("other.yaml"));
    assertThat(savedHoldout.sorted().heldOut()).isEqualTo(imageSplits.holdout().heldOut());
    for (int f = 0; f < 3; f++) {
      int[] images = savedFolds.get(f).heldOut();
      assertThat(images).isEqualTo(imageSplits.folds().get(f).heldOut());
      int[] expectedCells =
          Arrays.stream(images).flatMap(i -> IntStream.range(4 * i, 4 * i + 4)).toArray();
      assertThat(cellSplits.folds().get(f).heldOut()).isEqualTo(expectedCells);
    }
    // a rerun reuses the image-indexed files
    ExperimentSplits again =
        ExperimentSplits.plan(cells(), new SplitSettings(0.2, 9, 3, 9, stratified, 0.2), config);
    assertThat(again.folds().get(1).heldOut()).isEqualTo(cellSplits.folds().get(1).heldOut());
  }
}
