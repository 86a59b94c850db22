package dev.musket.engine.data.split;

/**
 * One division of dataset indices into a training part and a held-out part (validation for a fold,
 * the holdout for the holdout split). Indices are always indices of the whole dataset.
 */
public record Split(int[] train, int[] heldOut) {}
