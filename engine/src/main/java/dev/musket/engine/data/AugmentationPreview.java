package dev.musket.engine.data;

import dev.musket.engine.augment.AugmentSeeds;
import dev.musket.engine.augment.HwcImage;
import dev.musket.engine.augment.opencv.OpenCvImages;
import dev.musket.engine.data.split.SplitFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Writes, for a few dataset items, the image as the model sees it without augmentation and with it,
 * as PNG files plus an {@code index.csv} (id, label, files). Used by {@code musket preview} and the
 * workbench's previewer.
 *
 * <p>Items are a seeded random sample, so one seed always previews the same items with the same
 * augmentations, and different seeds show different ones.
 */
public final class AugmentationPreview {
  /** All items on one image: originals on top, augmented below, enlarged for viewing. */
  public static final String SHEET = "contact-sheet.png";

  private AugmentationPreview() {}

  /** One previewed item and the files written for it (names relative to the output folder). */
  public record Entry(int index, String id, String label, String original, String augmented) {}

  /** One previewed item with both images, for callers that show them without files. */
  public record Sample(int index, String id, String label, HwcImage original, HwcImage augmented) {}

  /**
   * Prepares {@code count} items (a seeded sample) without and with augmentation, in memory: what
   * the workbench's previewer shows.
   */
  public static List<Sample> samples(DataSet ds, ImagePipeline pipeline, int count, long seed) {
    List<Sample> out = new ArrayList<>();
    for (int index : sample(ds.size(), count, seed)) {
      PredictionItem item = ds.item(index);
      HwcImage original = pipeline.prepare(item.x(), false, AugmentSeeds.streamFor(seed, 0, index));
      HwcImage augmented = pipeline.prepare(item.x(), true, AugmentSeeds.streamFor(seed, 0, index));
      out.add(new Sample(index, item.id(), ds.label(index), original, augmented));
    }
    return out;
  }

  /** One previewed item with its unaugmented image and several augmented variants of it. */
  public record Variants(
      int index, String id, String label, HwcImage original, List<HwcImage> augmented) {
    public Variants {
      augmented = List.copyOf(augmented);
    }
  }

  /**
   * Like {@link #samples}, but {@code variants} augmentations of each item, as successive epochs
   * would draw them (variant {@code v} uses the random stream of epoch {@code v}, so variant 0 is
   * the image {@link #samples} augments).
   */
  public static List<Variants> variants(
      DataSet ds, ImagePipeline pipeline, int count, int variants, long seed) {
    List<Variants> out = new ArrayList<>();
    for (int index : sample(ds.size(), count, seed)) {
      PredictionItem item = ds.item(index);
      HwcImage original = pipeline.prepare(item.x(), false, AugmentSeeds.streamFor(seed, 0, index));
      List<HwcImage> augmented = new ArrayList<>();
      for (int v = 0; v < variants; v++) {
        augmented.add(pipeline.prepare(item.x(), true, AugmentSeeds.streamFor(seed, v, index)));
      }
      out.add(new Variants(index, item.id(), ds.label(index), original, augmented));
    }
    return out;
  }

  /** Writes {@link #samples} as PNG pairs, {@code index.csv} and a contact sheet. */
  public static List<Entry> write(
      DataSet ds, ImagePipeline pipeline, int count, long seed, Path outDir) throws IOException {
    Files.createDirectories(outDir);
    List<Entry> entries = new ArrayList<>();
    StringBuilder csv = new StringBuilder("index,id,label,original,augmented\n");
    List<HwcImage> originals = new ArrayList<>();
    List<HwcImage> augmentedImages = new ArrayList<>();
    int n = 0;
    for (Sample s : samples(ds, pipeline, count, seed)) {
      String stem = String.format("%03d", n++);
      Entry e =
          new Entry(s.index(), s.id(), s.label(), stem + "-original.png", stem + "-augmented.png");
      writePng(outDir.resolve(e.original()), s.original());
      writePng(outDir.resolve(e.augmented()), s.augmented());
      originals.add(s.original());
      augmentedImages.add(s.augmented());
      entries.add(e);
      csv.append(e.index())
          .append(',')
          .append(quote(e.id()))
          .append(',')
          .append(quote(e.label()))
          .append(',')
          .append(e.original())
          .append(',')
          .append(e.augmented())
          .append('\n');
    }
    SplitFiles.writeAtomically(outDir.resolve("index.csv"), csv.toString());
    if (!originals.isEmpty()) {
      writePng(outDir.resolve(SHEET), ContactSheet.twoRows(originals, augmentedImages, 3));
    }
    return entries;
  }

  /** {@code count} distinct indices in ascending order (all of them when the dataset is small). */
  static List<Integer> sample(int size, int count, long seed) {
    if (count >= size) {
      List<Integer> all = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        all.add(i);
      }
      return all;
    }
    SplittableRandom random = new SplittableRandom(seed);
    TreeSet<Integer> chosen = new TreeSet<>();
    while (chosen.size() < count) {
      chosen.add(random.nextInt(size));
    }
    return new ArrayList<>(chosen);
  }

  private static void writePng(Path file, HwcImage image) throws IOException {
    SplitFiles.writeAtomically(file, OpenCvImages.encodePng(image));
  }

  private static String quote(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
