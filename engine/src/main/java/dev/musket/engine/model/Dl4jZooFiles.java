package dev.musket.engine.model;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The file names under which the DL4J model zoo (deeplearning4j-zoo 1.0.0-M2.1) publishes ImageNet
 * weights for architectures we also build. A user who downloaded one (or has it in DL4J's cache,
 * {@code ~/.deeplearning4j/models/}) can drop it into the weights folder under this name, or rename
 * it to {@code <architecture>.zip}.
 *
 * <p>Why a table here and not the zoo itself: the zoo is a test dependency only (the engine never
 * downloads), and these names are all the engine needs of it. A test checks them against the zoo's
 * {@code pretrainedUrl}.
 */
final class Dl4jZooFiles {

  private static final Map<String, String> FILES =
      Map.of(
          "resnet50", "resnet50_dl4j_inference.v3.zip",
          "vgg16", "vgg16_dl4j_inference.zip",
          "vgg19", "vgg19_dl4j_inference.zip",
          "xception", "xception_dl4j_inference.v2.zip",
          "nasnetmobile", "nasnetmobile_dl4j_inference.v1.zip",
          "nasnetlarge", "nasnetlarge_dl4j_inference.v1.zip");

  private Dl4jZooFiles() {}

  /** The zoo's published file name for an architecture, if the zoo publishes one. */
  static Optional<String> fileName(String architecture) {
    return Optional.ofNullable(FILES.get(architecture.toLowerCase(Locale.ROOT)));
  }
}
