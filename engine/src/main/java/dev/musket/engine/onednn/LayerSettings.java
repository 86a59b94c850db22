package dev.musket.engine.onednn;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Copies every setting of a configured DL4J layer into the engine's subclass of it, for the DL4J
 * layer configurations whose builder constructor is private ({@code BatchNormalization}, {@code
 * GlobalPoolingLayer}): field by field, through all superclasses, which also carries settings a
 * later DL4J adds.
 */
final class LayerSettings {

  private LayerSettings() {}

  /** Copies the instance fields {@code type} and its superclasses declare. */
  static <T> void copy(Class<T> type, T from, T to) {
    for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        try {
          field.setAccessible(true);
          field.set(to, field.get(from));
        } catch (IllegalAccessException | RuntimeException e) {
          throw new IllegalStateException(
              "cannot copy " + c.getSimpleName() + "." + field.getName() + ": DL4J changed?", e);
        }
      }
    }
  }
}
