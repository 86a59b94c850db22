package dev.musket.engine.predict;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

/**
 * What to predict: a named dataset of the config's {@code datasets:}, a folder of images, the
 * experiment's holdout, or one fold's validation set (Musket's {@code predictions(name)} names).
 */
public sealed interface PredictionSource {

  /** A file-name-safe name: the cache file's and the evaluation folder's. */
  String fileName();

  /** How messages name the selection. */
  String describe();

  /** An entry of the config's {@code datasets:}. */
  record Named(String name) implements PredictionSource {
    @Override
    public String fileName() {
      return "dataset-" + safe(name);
    }

    @Override
    public String describe() {
      return "dataset '" + name + "'";
    }
  }

  /** Every image file in a folder (not recursive); there are no labels. */
  record Images(Path dir) implements PredictionSource {
    @Override
    public String fileName() {
      Path abs = dir.toAbsolutePath().normalize();
      String leaf = abs.getFileName() == null ? "root" : abs.getFileName().toString();
      // the folder's path decides, so two folders called "test" never share a cache file
      String tag =
          UUID.nameUUIDFromBytes(abs.toString().getBytes(StandardCharsets.UTF_8))
              .toString()
              .substring(0, 8);
      return "images-" + safe(leaf) + "-" + tag;
    }

    @Override
    public String describe() {
      return "the images in " + dir;
    }
  }

  /** The items {@code testSplit} (or the dataset) held out from every fold. */
  record Holdout() implements PredictionSource {
    @Override
    public String fileName() {
      return "holdout";
    }

    @Override
    public String describe() {
      return "the holdout";
    }
  }

  /** The validation items of one fold. */
  record Validation(int fold) implements PredictionSource {
    @Override
    public String fileName() {
      return "validation" + fold;
    }

    @Override
    public String describe() {
      return "the validation set of fold " + fold;
    }
  }

  private static String safe(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
