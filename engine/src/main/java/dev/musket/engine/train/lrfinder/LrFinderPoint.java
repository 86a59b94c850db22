package dev.musket.engine.train.lrfinder;

/**
 * One batch of an LR range test, as plain numbers (listeners read it on other threads).
 *
 * @param batch the batch index over the whole test, from 0
 * @param lr the learning rate the batch was trained with
 * @param loss the batch's training loss
 * @param smoothedLoss the loss's exponential moving average, bias-corrected
 * @param lossChange the smoothed loss's change per batch, averaged over the last {@code window}
 *     batches; {@code NaN} for the first {@code window} batches. Because the lr grows by the same
 *     factor every batch, this is proportional to the slope of the loss against log(lr).
 */
public record LrFinderPoint(
    int batch, double lr, double loss, double smoothedLoss, double lossChange) {}
