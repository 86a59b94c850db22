package dev.musket.engine.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code image_folder} source: one sub-folder per class, classes sorted by name, images sorted
 * by file name inside each; the id of an item is {@code class/file}.
 */
public final class ImageFolderDataSets {
  private ImageFolderDataSets() {}

  public static FileImageDataSet load(Path root) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("image folder not found: " + root);
    }
    List<Path> classDirs = list(root).stream().filter(Files::isDirectory).toList();
    if (classDirs.isEmpty()) {
      throw new IllegalArgumentException(
          "image folder " + root + " has no class sub-folders (expected one folder per class)");
    }
    List<String> classes = classDirs.stream().map(d -> d.getFileName().toString()).toList();
    List<FileImageDataSet.Entry> entries = new ArrayList<>();
    for (int c = 0; c < classDirs.size(); c++) {
      for (Path f : list(classDirs.get(c))) {
        if (Files.isRegularFile(f) && ImageFiles.isImage(f)) {
          float[] oneHot = new float[classes.size()];
          oneHot[c] = 1;
          entries.add(
              new FileImageDataSet.Entry(
                  classes.get(c) + "/" + f.getFileName(), f, new float[][] {oneHot}));
        }
      }
    }
    return new FileImageDataSet(entries, List.of(classes));
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
