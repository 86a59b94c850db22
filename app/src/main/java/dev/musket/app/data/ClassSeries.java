package dev.musket.app.data;

import java.util.List;

/**
 * One bar series of the class distribution chart: how many items of one split carry each class.
 *
 * @param classes class names, index-aligned with {@code counts}
 */
public record ClassSeries(String name, List<String> classes, int[] counts) {}
