package dev.musket.engine.config;

import java.util.List;

/**
 * One training stage. Optional settings are {@code null} when the stage inherits them.
 *
 * @param callbacks this stage's callbacks, replacing the global ones; {@code null} to keep them
 * @param negatives {@code none}, {@code real}/{@code all}, or a number as text
 */
public record StageConfig(
    int epochs,
    Double lr,
    List<LossExpression> losses,
    String negatives,
    String validationNegatives,
    String initialWeights,
    Boolean unfreezeEncoder,
    Boolean freezeEncoder,
    List<ComponentSpec> callbacks,
    List<ComponentSpec> extraCallbacks,
    boolean logAll) {}
