package dev.musket.engine.evaluate;

/**
 * An item the ensemble got most wrong: its loss (cross-entropy of the prediction against the truth)
 * and what it predicted, so the user can look at the image.
 */
public record TopLoss(
    String id, String trueLabel, String predictedLabel, double loss, float[] probabilities) {}
