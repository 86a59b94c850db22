package dev.musket.engine.config;

import java.nio.file.Path;

/**
 * A validated classification config, typed and immutable, with Musket's defaults filled in. Made by
 * {@link ExperimentLoader} only from configs without errors, so every consumer can rely on it.
 *
 * @param raw the merged YAML tree, for what has no typed field yet (and for analyze's config diff)
 */
public record ExperimentConfig(
    Path file, ConfigNode.Mapping raw, ModelSpec model, DataSpec data, TrainingSpec training) {}
