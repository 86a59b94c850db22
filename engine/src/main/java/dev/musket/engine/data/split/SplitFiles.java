package dev.musket.engine.data.split;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The split sidecar files Musket writes next to a config: {@code config.yaml.folds_split} (a YAML
 * list of {@code [train, validation]} index lists per fold) and {@code config.yaml.holdout_split}
 * ({@code [train, holdout]}). Written atomically (temp file + rename), so a crash never leaves half
 * a split to be reused.
 */
public final class SplitFiles {
  public static final String FOLDS_SUFFIX = ".folds_split";
  public static final String HOLDOUT_SUFFIX = ".holdout_split";

  private SplitFiles() {}

  public static Path foldsFile(Path config) {
    return config.resolveSibling(config.getFileName() + FOLDS_SUFFIX);
  }

  public static Path holdoutFile(Path config) {
    return config.resolveSibling(config.getFileName() + HOLDOUT_SUFFIX);
  }

  public static void writeFolds(Path file, List<Split> folds) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (Split s : folds) {
      sb.append("- - ").append(Arrays.toString(s.train())).append('\n');
      sb.append("  - ").append(Arrays.toString(s.heldOut())).append('\n');
    }
    writeAtomically(file, sb.toString());
  }

  public static void writeHoldout(Path file, Split split) throws IOException {
    writeAtomically(
        file,
        "- " + Arrays.toString(split.train()) + "\n- " + Arrays.toString(split.heldOut()) + "\n");
  }

  /** The folds in {@code file}, or empty when it does not exist. */
  public static Optional<List<Split>> readFolds(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    List<?> top = load(file);
    List<Split> out = new ArrayList<>();
    for (Object fold : top) {
      out.add(pair(fold, file));
    }
    return Optional.of(out);
  }

  public static Optional<Split> readHoldout(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(pair(load(file), file));
  }

  private static List<?> load(Path file) throws IOException {
    Object doc = new Yaml(new LoaderOptions()).load(Files.readString(file, StandardCharsets.UTF_8));
    if (!(doc instanceof List<?> list)) {
      throw new IOException(file + " is not a YAML list of index lists");
    }
    return list;
  }

  private static Split pair(Object o, Path file) throws IOException {
    if (!(o instanceof List<?> p) || p.size() != 2) {
      throw new IOException(file + ": expected [train indices, held-out indices]");
    }
    return new Split(ints(p.get(0), file), ints(p.get(1), file));
  }

  private static int[] ints(Object o, Path file) throws IOException {
    if (!(o instanceof List<?> l)) {
      throw new IOException(file + ": expected a list of indices");
    }
    int[] out = new int[l.size()];
    for (int i = 0; i < out.length; i++) {
      if (!(l.get(i) instanceof Number n)) {
        throw new IOException(file + ": index " + l.get(i) + " is not a number");
      }
      out[i] = n.intValue();
    }
    return out;
  }

  /** Writes to a temp file in the same folder, then renames it over the target. */
  public static void writeAtomically(Path file, String text) throws IOException {
    writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Bytes version of {@link #writeAtomically(Path, String)}; the file gets the usual permissions.
   */
  public static void writeAtomically(Path file, byte[] bytes) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp =
        dir.resolve(
            file.getFileName()
                + "."
                + Long.toHexString(System.nanoTime())
                + "."
                + ProcessHandle.current().pid()
                + ".tmp");
    try {
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
