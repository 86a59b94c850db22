package dev.musket.engine.predict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.data.CroppedDataSet;
import dev.musket.engine.data.FileImageDataSet;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** crops: the cells of an image are predicted one by one and the image gets their mean. */
class SelectedItemsTest {

  private static final FileImageDataSet TWO_IMAGES =
      new FileImageDataSet(
          List.of(
              new FileImageDataSet.Entry("a.png", Path.of("a.png"), new float[][] {{1, 0}}),
              new FileImageDataSet.Entry("b.png", Path.of("b.png"), new float[][] {{0, 1}})),
          List.of(List.of("x", "y")));

  @Test
  void cellsAreReassembledIntoTheirImagesByTheMean() {
    CroppedDataSet cells = new CroppedDataSet(TWO_IMAGES, 2, 8, 8); // 4 cells per image
    SelectedItems items = SelectedItems.of(cells, new int[] {4, 5, 6, 7, 0, 1, 2, 3}, true);
    float[][][] perCell = {
      {
        {0.1f, 0.9f}, {0.3f, 0.7f}, {0.5f, 0.5f}, {0.7f, 0.3f},
        {0.9f, 0.1f}, {0.9f, 0.1f}, {0.9f, 0.1f}, {0.5f, 0.5f}
      }
    };

    float[][][] images = items.reassemble(perCell);

    assertThat(items.imageIds()).containsExactly("b.png", "a.png");
    assertThat(images[0][0][0]).isCloseTo(0.4f, org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(images[0][1][0]).isCloseTo(0.8f, org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(items.targets()[0][0]).containsExactly(0, 1);
  }

  @Test
  void withoutCropsEveryItemIsItsOwnImage() {
    SelectedItems items = SelectedItems.of(TWO_IMAGES, new int[] {1, 0}, false);

    assertThat(items.imageIds()).containsExactly("b.png", "a.png");
    assertThat(items.targets()).isNull();
  }
}
