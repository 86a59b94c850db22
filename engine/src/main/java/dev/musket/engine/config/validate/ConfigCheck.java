package dev.musket.engine.config.validate;

/**
 * Stage 2 of validation: one cross-field rule ("a monitored metric must be computed", "lists of
 * classes and activations agree in length"). Each rule is a small class registered in {@link
 * Validator}, run only on documents that passed stage 1's structure so it may assume types.
 */
public interface ConfigCheck {
  void check(CheckContext context);
}
