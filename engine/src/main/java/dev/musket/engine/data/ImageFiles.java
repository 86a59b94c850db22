package dev.musket.engine.data;

import dev.musket.engine.augment.HwcImage;
import dev.musket.engine.augment.opencv.OpenCvImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads image files (PNG, JPEG, BMP, TIFF) into {@link HwcImage}s, with errors that name the file.
 */
public final class ImageFiles {
  /** The extensions image folders are scanned for. */
  public static final List<String> EXTENSIONS =
      List.of(".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff");

  private ImageFiles() {}

  public static boolean isImage(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  /** Decodes {@code file}; {@code index} is the dataset index quoted in errors. */
  public static HwcImage read(Path file, int index) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new BadImageException(file, index, "file not found", e);
    } catch (IOException e) {
      throw new BadImageException(file, index, "cannot read: " + e.getMessage(), e);
    }
    if (bytes.length == 0) {
      throw new BadImageException(file, index, "file is empty", null);
    }
    return OpenCvImages.decode(bytes)
        .orElseThrow(
            () -> new BadImageException(file, index, "not a decodable image (corrupt?)", null));
  }
}
