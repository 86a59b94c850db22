package dev.musket.engine.predict;

import dev.musket.engine.util.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ensemble predictions kept under {@code <experiment>/predictions/}, one file per selection,
 * members and TTA mode, so a second {@code predict} or {@code evaluate} of the same thing costs
 * nothing.
 *
 * <p>Each file carries a key: a hash of everything that decides its values, namely each member's
 * weights file (size, modification time and file identity, which changes on every atomic rewrite),
 * the config and {@code common.yaml} as text (transforms, shape), the TTA mode and the item ids. A
 * file whose key differs is stale and recomputed, so retraining (new weights) or editing the config
 * invalidates the cache without anyone deleting it. A fresh {@code fit} deletes the folder anyway,
 * as Musket did.
 */
final class PredictionCache {

  private static final Logger LOG = LoggerFactory.getLogger(PredictionCache.class);
  private static final int FORMAT = 1;

  private final Path dir;

  PredictionCache(Path predictionsDir) {
    this.dir = predictionsDir;
  }

  Path file(String name) {
    return dir.resolve(name + ".bin");
  }

  /** The key of a computation: see the class comment. */
  static String key(List<Path> weights, List<Path> configFiles, TtaMode tta, List<String> ids)
      throws IOException {
    MessageDigest sha = sha256();
    update(sha, "format " + FORMAT + " tta " + tta);
    for (Path w : weights) {
      BasicFileAttributes a = Files.readAttributes(w, BasicFileAttributes.class);
      update(
          sha,
          w.toAbsolutePath()
              + " "
              + a.size()
              + " "
              + a.lastModifiedTime().toInstant()
              + " "
              + a.fileKey());
    }
    for (Path c : configFiles) {
      if (Files.isRegularFile(c)) {
        sha.update(Files.readAllBytes(c));
      }
    }
    for (String id : ids) {
      update(sha, id);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** The stored probabilities {@code [output][item][class]} when {@code key} matches. */
  Optional<float[][][]> read(String name, String key) {
    Path f = file(name);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(f);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      LOG.warn("Cannot read cached predictions {}; recomputing", f, e);
      return Optional.empty();
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readInt() != FORMAT || !in.readUTF().equals(key)) {
        LOG.info("Cached predictions {} are stale (weights, config or items changed)", f);
        return Optional.empty();
      }
      int outputs = in.readInt();
      int items = in.readInt();
      float[][][] p = new float[outputs][items][];
      for (int o = 0; o < outputs; o++) {
        int classes = in.readInt();
        for (int i = 0; i < items; i++) {
          p[o][i] = new float[classes];
          for (int c = 0; c < classes; c++) {
            p[o][i][c] = in.readFloat();
          }
        }
      }
      return Optional.of(p);
    } catch (IOException e) {
      LOG.warn("Cached predictions {} are unreadable; recomputing", f, e);
      return Optional.empty();
    }
  }

  void write(String name, String key, float[][][] p) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT);
      out.writeUTF(key);
      out.writeInt(p.length);
      out.writeInt(p.length == 0 ? 0 : p[0].length);
      for (float[][] output : p) {
        out.writeInt(output.length == 0 ? 0 : output[0].length);
        for (float[] row : output) {
          for (float v : row) {
            out.writeFloat(v);
          }
        }
      }
    }
    AtomicFiles.write(file(name), bytes.toByteArray());
  }

  private static void update(MessageDigest sha, String s) {
    sha.update(s.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
