package dev.musket.engine.train;

import org.deeplearning4j.nn.conf.GradientNormalization;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * What a config's {@code optimizer}, {@code lr}, {@code clipnorm} and {@code clipvalue} become in
 * DL4J: the updater, the gradient clipping, and decoupled weight decay (AdamW's).
 *
 * @param weightDecay the decoupled weight-decay coefficient (0 for none), applied as DL4J's {@code
 *     WeightDecay} regularization scaled by the learning rate, as AdamW does
 */
public record OptimizerSettings(
    IUpdater updater,
    GradientNormalization gradientNormalization,
    double gradientThreshold,
    double weightDecay) {}
