package dev.musket.engine.config;

/**
 * Bounds on what the YAML reader accepts, so that hostile input (a billion-laughs file, 10,000-deep
 * nesting, a 100 MB file) fails fast with a clear diagnostic instead of eating memory and time.
 * Real Musket configs are a few kilobytes, a few levels deep, and rarely use aliases at all.
 */
public record YamlLimits(int maxBytes, int maxDepth, int maxAliases, int maxNodes) {

  public static final YamlLimits DEFAULT = new YamlLimits(1 << 20, 64, 50, 200_000);
}
