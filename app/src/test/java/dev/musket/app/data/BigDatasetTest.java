package dev.musket.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.app.task.DirectTaskExecutor;
import dev.musket.engine.augment.HwcImage;
import dev.musket.engine.data.DataSet;
import dev.musket.engine.data.PredictionItem;
import dev.musket.engine.data.split.ExperimentSplits;
import dev.musket.engine.data.split.SplitSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Fashion-MNIST-sized dataset (60,000 items) opens without decoding its images, filters in
 * milliseconds, and decodes only the thumbnails cells ask for, within a bounded cache.
 */
class BigDatasetTest {

  static final int N = 60_000;

  /** 28x28 grey items whose pixels encode their index; counts how many were decoded. */
  static final class Synthetic implements DataSet {
    final AtomicInteger decoded = new AtomicInteger();

    @Override
    public int size() {
      return N;
    }

    @Override
    public PredictionItem item(int index) {
      decoded.incrementAndGet();
      byte[] px = new byte[28 * 28];
      java.util.Arrays.fill(px, (byte) (index % 251));
      return new PredictionItem(id(index), new HwcImage(28, 28, 1, px), target(index));
    }

    @Override
    public String id(int index) {
      return "item" + index;
    }

    @Override
    public float[][] target(int index) {
      float[] t = new float[10];
      t[index % 10] = 1;
      return new float[][] {t};
    }

    @Override
    public List<List<String>> classNames() {
      return List.of(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
    }
  }

  @Test
  void indexesSixtyThousandItemsWithoutDecodingAnyAndFiltersFast(@TempDir Path dir)
      throws Exception {
    Synthetic ds = new Synthetic();
    SplitSettings settings = new SplitSettings(0.1, 123, 5, 33, true, 0.2);
    long start = System.nanoTime();
    DatasetIndex index =
        new DatasetIndex(ds, ExperimentSplits.peek(ds, settings, dir.resolve("config.yaml")));
    long built = System.nanoTime();
    int[] sevens = index.filter(index.classes().get(7), SplitFilter.validation(2), "item1");
    long filtered = System.nanoTime();

    assertThat(ds.decoded.get()).isZero();
    assertThat(index.size()).isEqualTo(N);
    assertThat(index.classCounts(SplitFilter.ALL)).containsOnly(N / 10);
    assertThat(java.util.Arrays.stream(sevens).boxed().toList())
        .isNotEmpty()
        .allMatch(i -> i % 10 == 7 && ds.id(i).contains("item1"));
    assertThat(index.membership(sevens[0])).isEqualTo("val fold 2");
    assertThat((built - start) / 1_000_000).as("index ms").isLessThan(5_000);
    assertThat((filtered - built) / 1_000_000).as("filter ms").isLessThan(500);
  }

  @Test
  void decodesOnlyWhatCellsStillWantAndKeepsTheCacheBounded() {
    Synthetic ds = new Synthetic();
    // a budget of 100 thumbnails of 28x28
    ThumbnailLoader loader = new ThumbnailLoader(new DirectTaskExecutor(), ds, 72, 100 * 28 * 28);
    List<Integer> delivered = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      int index = i;
      loader.request(index, p -> delivered.add(index));
    }

    assertThat(delivered).hasSize(1_000);
    assertThat(ds.decoded.get()).isEqualTo(1_000);
    assertThat(loader.cachedCount()).isEqualTo(100);

    // recent ones come from the cache; evicted ones are decoded again
    loader.request(999, p -> delivered.add(999));
    assertThat(ds.decoded.get()).isEqualTo(1_000);
    loader.request(0, p -> delivered.add(0));
    assertThat(ds.decoded.get()).isEqualTo(1_001);
  }

  @Test
  void aRequestWithdrawnBeforeItsTurnIsNeverDecoded() {
    Synthetic ds = new Synthetic();
    ManualExecutor executor = new ManualExecutor();
    ThumbnailLoader loader = new ThumbnailLoader(executor, ds, 72, 1_000_000);
    List<Optional<Pixels>> got = new ArrayList<>();
    Consumer<Optional<Pixels>> first = got::add;
    loader.request(1, first); // starts a batch at once
    Consumer<Optional<Pixels>> scrolledAway = got::add;
    loader.request(2, scrolledAway); // waits for the next batch
    loader.forget(2, scrolledAway);

    executor.runAll();

    assertThat(got).hasSize(1);
    assertThat(ds.decoded.get()).isEqualTo(1);
  }
}
