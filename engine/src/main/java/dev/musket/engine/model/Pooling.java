package dev.musket.engine.model;

import java.util.Locale;
import org.deeplearning4j.nn.conf.layers.PoolingType;

/** Musket's {@code pooling}: the global pooling between the backbone and the heads. */
public enum Pooling {
  AVG(PoolingType.AVG),
  MAX(PoolingType.MAX);

  private final PoolingType type;

  Pooling(PoolingType type) {
    this.type = type;
  }

  /** The DL4J pooling type. */
  public PoolingType type() {
    return type;
  }

  /** Parses {@code avg} or {@code max}, in any case. */
  public static Pooling parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "avg", "average" -> AVG;
      case "max" -> MAX;
      default ->
          throw new IllegalArgumentException("pooling must be avg or max, got '" + text + "'");
    };
  }
}
