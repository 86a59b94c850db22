package dev.musket.engine.data;

import dev.musket.engine.augment.HwcImage;

/**
 * One dataset item as Musket's {@code PredictionItem(id, x, y)}: an id, the decoded image and its
 * targets, one vector per model output (a single-output model has {@code y.length == 1}).
 */
public record PredictionItem(String id, HwcImage x, float[][] y) {}
