package dev.musket.app.data;

/**
 * One grid cell's data: what the cell prints under its thumbnail.
 *
 * @param index the dataset index (the key of the thumbnail)
 * @param membership the item's place in the split, e.g. {@code holdout} or {@code val fold 2}
 */
public record DatasetItem(int index, String id, String label, String membership) {}
