package dev.musket.engine.experiment;

import java.util.List;

/**
 * What {@code summary.yaml} says of the bad images a run dropped ({@code skip_bad_images: true}):
 * {@code skippedImages: <count>} and {@code skippedImageIds: [ids]}. Musket had no such keys;
 * readers that do not know them (Musket's own tools) ignore them.
 *
 * @param screened whether the dataset was screened at all; without {@code skip_bad_images} nothing
 *     is written, so the summary stays as Musket wrote it
 * @param ids the dataset ids of the dropped images
 */
public record SkippedImages(boolean screened, List<String> ids) {

  /** The dataset was not screened (a bad image would have stopped the run). */
  public static final SkippedImages NOT_SCREENED = new SkippedImages(false, List.of());

  public static final String COUNT_KEY = "skippedImages";
  public static final String IDS_KEY = "skippedImageIds";

  public SkippedImages {
    ids = List.copyOf(ids);
  }

  public int count() {
    return ids.size();
  }
}
