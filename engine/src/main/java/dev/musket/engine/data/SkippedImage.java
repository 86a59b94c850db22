package dev.musket.engine.data;

import java.nio.file.Path;

/**
 * An image that {@code skip_bad_images: true} dropped: its index and id in the dataset as listed
 * (before dropping), its file and why it could not be used. The run's {@code summary.yaml} lists
 * the ids, so a user can find and fix the files.
 */
public record SkippedImage(int index, String id, Path file, String reason) {}
