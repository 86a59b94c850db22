package dev.musket.engine.data;

import java.nio.file.Path;

/**
 * An image that cannot be read or decoded. The message names the file and the dataset index, so the
 * user can find it; the engine never substitutes a black image.
 */
public final class BadImageException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Path file;
  private final int index;

  public BadImageException(Path file, int index, String reason, Throwable cause) {
    super("cannot use image " + file + " (dataset index " + index + "): " + reason, cause);
    this.file = file;
    this.index = index;
  }

  public Path file() {
    return file;
  }

  public int index() {
    return index;
  }
}
