package dev.musket.app.data;

import java.util.List;

/** One previewed item: its image as the model sees it unaugmented, and augmented variants of it. */
public record PreviewRow(String id, String label, Pixels original, List<Pixels> augmented) {
  public PreviewRow {
    augmented = List.copyOf(augmented);
  }
}
