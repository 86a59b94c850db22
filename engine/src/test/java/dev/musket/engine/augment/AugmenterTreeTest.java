package dev.musket.engine.augment;

import static dev.musket.engine.augment.Trees.apply;
import static dev.musket.engine.augment.Trees.brightest;
import static dev.musket.engine.augment.Trees.marker;
import static dev.musket.engine.augment.Trees.messages;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AugmenterTreeTest {

  private static final String PIPELINE =
      """
      Fliplr: 0.5
      Flipud: 0.5
      Affine: {rotate: [-30, 30], scale: [0.8, 1.2], translate_percent: {x: [-0.1, 0.1]}}
      OneOf:
        - GaussianBlur: [0, 2]
        - AverageBlur: [2, 5]
        - MedianBlur: [3, 5]
      Sometimes: {p: 0.5, then_list: {AdditiveGaussianNoise: {scale: [0, 12], per_channel: 0.5}}}
      SomeOf: [2, [Add: [-20, 20], Multiply: [0.8, 1.2], LinearContrast: [0.7, 1.3], Grayscale: [0, 1]]]
      CoarseDropout: {p: 0.05, size_percent: 0.2}
      ElasticTransformation: {alpha: [0, 10], sigma: 3}
      PerspectiveTransform: [0.01, 0.05]
      """;

  @Test
  void topLevelMapAppliesInOrder() {
    // flip then translate: the marker at x=2 goes to x=17, then 1 px right
    HwcImage out =
        apply("Fliplr: 1\nAffine: {translate_px: {x: 1, y: 0}}", marker(20, 20, 1, 5, 2), 1);
    assertThat(brightest(out)).containsExactly(5, 18);
  }

  @Test
  void sequentialTakesAListOfOneEntryMaps() {
    HwcImage out = apply("Sequential: [Fliplr: 1, Flipud: 1]", marker(10, 10, 1, 1, 2), 1);
    assertThat(brightest(out)).containsExactly(8, 7);
  }

  @Test
  void oneOfAppliesExactlyOneChild() {
    Augmenter one = Trees.tree("OneOf: [Fliplr: 1, Flipud: 1]");
    Set<String> outcomes = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      int[] at = brightest(one.apply(marker(10, 10, 1, 1, 2), AugmentSeeds.streamFor(1, 0, i)));
      outcomes.add(at[0] + "," + at[1]);
    }
    assertThat(outcomes).containsExactlyInAnyOrder("1,7", "8,2");
  }

  @Test
  void someOfAppliesTheRequestedNumberOfChildren() {
    Augmenter some = Trees.tree("SomeOf: [2, [Add: 1, Add: 10, Add: 100]]");
    Set<Integer> sums = new HashSet<>();
    for (int i = 0; i < 60; i++) {
      sums.add(some.apply(Trees.filled(1, 1, 1, 0), AugmentSeeds.streamFor(1, 0, i)).get(0, 0, 0));
    }
    assertThat(sums).containsExactlyInAnyOrder(11, 101, 110);
  }

  @Test
  void sometimesChoosesThenOrElse() {
    HwcImage in = Trees.filled(1, 1, 1, 0);
    assertThat(
            apply("Sometimes: {p: 1, then_list: [Add: 5], else_list: [Add: 9]}", in, 1)
                .get(0, 0, 0))
        .isEqualTo(5);
    assertThat(
            apply("Sometimes: {p: 0, then_list: [Add: 5], else_list: [Add: 9]}", in, 1)
                .get(0, 0, 0))
        .isEqualTo(9);
  }

  @Test
  void aTwoNumberListIsARangeAndLongerListsAreChoices() {
    Augmenter choice = Trees.tree("Add: {value: [1, 50, 100]}");
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 60; i++) {
      seen.add(
          choice.apply(Trees.filled(1, 1, 1, 0), AugmentSeeds.streamFor(1, 0, i)).get(0, 0, 0));
    }
    assertThat(seen).containsExactlyInAnyOrder(1, 50, 100);
  }

  @Test
  void positionalListFillsParametersInOrder() {
    // Affine: [scale, translate_percent, translate_px, rotate]
    HwcImage out = apply("Affine: [1.0, null, null, 90]", marker(21, 21, 1, 10, 15), 1);
    assertThat(brightest(out)).containsExactly(15, 10);
  }

  @Test
  void xyScaleTakesSeparateAxes() {
    HwcImage out = apply("Affine: {scale: {x: 2.0, y: 1.0}}", marker(21, 21, 1, 12, 13), 1);
    assertThat(brightest(out)).containsExactly(12, 16);
  }

  @Test
  void sameSeedGivesBitIdenticalOutput() {
    Augmenter tree = Trees.tree(PIPELINE);
    HwcImage in = Trees.texture(48, 40);
    for (int i = 0; i < 5; i++) {
      HwcImage a = tree.apply(in, AugmentSeeds.streamFor(42, 3, i));
      HwcImage b = Trees.tree(PIPELINE).apply(in, AugmentSeeds.streamFor(42, 3, i));
      assertThat(a).isEqualTo(b);
    }
  }

  @Test
  void differentItemsAndEpochsGetDifferentStreams() {
    Augmenter tree = Trees.tree(PIPELINE);
    HwcImage in = Trees.texture(48, 40);
    HwcImage a = tree.apply(in, AugmentSeeds.streamFor(42, 0, 1));
    assertThat(tree.apply(in, AugmentSeeds.streamFor(42, 0, 2))).isNotEqualTo(a);
    assertThat(tree.apply(in, AugmentSeeds.streamFor(42, 1, 1))).isNotEqualTo(a);
  }

  @Test
  void threadsSharingOneTreeGetTheSameResultsAsOneThread() throws Exception {
    Augmenter tree = Trees.tree(PIPELINE);
    HwcImage in = Trees.texture(48, 40);
    List<HwcImage> sequential =
        java.util.stream.IntStream.range(0, 16)
            .mapToObj(i -> tree.apply(in, AugmentSeeds.streamFor(7, 0, i)))
            .toList();
    List<HwcImage> parallel =
        java.util.stream.IntStream.range(0, 16)
            .parallel()
            .mapToObj(i -> tree.apply(in, AugmentSeeds.streamFor(7, 0, i)))
            .toList();
    assertThat(parallel).isEqualTo(sequential);
  }

  @Test
  void theInputImageIsNeverModified() {
    HwcImage in = Trees.texture(32, 32);
    HwcImage copy = in.copy();
    Trees.tree(PIPELINE).apply(in, new SplittableRandom(1));
    assertThat(in).isEqualTo(copy);
  }

  @Test
  void everyAugmenterAppliesToGrayAndRgbaImages() {
    for (String name : new AugmenterTreeBuilder(Path.of(".")).names()) {
      if (name.equals("BackgroundReplacer")
          || name.equals("PadToFixedSize")
          || name.equals("CropToFixedSize")
          || name.equals("Resize")
          || name.equals("CoarseDropout")) {
        continue;
      }
      Augmenter a = Trees.tree(name + ": null");
      assertThat(a.apply(Trees.filled(8, 8, 1, 9), new SplittableRandom(1)).channels())
          .isEqualTo(1);
      assertThat(a.apply(Trees.filled(8, 8, 4, 9), new SplittableRandom(1)).channels())
          .isEqualTo(4);
    }
  }

  @Test
  void everyImplementedAugmenterIsDeclaredInTheSchema() {
    AugmenterSchema schema = AugmenterSchema.builtIn();
    for (String name : new AugmenterTreeBuilder(Path.of(".")).names()) {
      assertThat(schema.find(name)).as(name).isPresent();
    }
  }

  @Test
  void anUnknownAugmenterIsADiagnosticAtItsKey() {
    var build = Trees.build("Fliplr: 0.5\nFlipLeftRight: 1\n");
    assertThat(build.ok()).isFalse();
    assertThat(build.diagnostics()).hasSize(1);
    assertThat(build.diagnostics().get(0).message())
        .startsWith("unknown augmenter 'FlipLeftRight'");
    assertThat(build.diagnostics().get(0).line()).isEqualTo(2);
  }

  @Test
  void namesAreCaseInsensitive() {
    assertThat(Trees.build("fliplr: 0.5\nAFFINE: {rotate: 3}").ok()).isTrue();
  }

  @Test
  void anImgaugAugmenterNotYetSupportedSaysSo() {
    assertThat(messages("Superpixels: {p_replace: 0.5}"))
        .singleElement()
        .asString()
        .contains("'Superpixels' (imgaug) is not supported yet");
  }

  @Test
  void badParametersAreDiagnosticsNotExceptions() {
    assertThat(messages("Fliplr: 1.5"))
        .singleElement()
        .asString()
        .contains("p must lie in [0, 1], got 1.5");
    assertThat(messages("Affine: {rotate: fast}"))
        .singleElement()
        .asString()
        .contains("rotate must be a number, a [min, max] range or a list of numbers, got 'fast'");
    assertThat(messages("Affine: {mode: mirror}"))
        .singleElement()
        .asString()
        .contains("mode must be one of constant, edge, symmetric, reflect, wrap, got 'mirror'");
    assertThat(messages("Affine: {rotation: 5}"))
        .singleElement()
        .asString()
        .contains("Affine has no parameter 'rotation'");
    assertThat(messages("GaussianBlur: [3, 1]")).singleElement().asString().contains("min > max");
    assertThat(messages("MedianBlur: 4")).singleElement().asString().contains("k must be odd");
    assertThat(messages("Add: {value: 10, per_channel: maybe}"))
        .singleElement()
        .asString()
        .contains("per_channel must be true, false or a probability");
    assertThat(messages("CoarseDropout: {p: 0.1}")).singleElement().asString().contains("size_px");
    assertThat(messages("Affine: {translate_px: 3, translate_percent: 0.1}"))
        .singleElement()
        .asString()
        .contains("not both");
    assertThat(messages("BackgroundReplacer: {rate: 0.5}"))
        .singleElement()
        .asString()
        .contains("needs path");
  }

  @Test
  void nestedProblemsAreAllReportedWithTheirPaths() {
    var build = Trees.build("OneOf:\n  - Fliplr: 2\n  - Blur: 1\n");
    assertThat(build.diagnostics()).hasSize(2);
    assertThat(build.diagnostics().get(0).line()).isEqualTo(2);
    assertThat(build.diagnostics().get(1).line()).isEqualTo(3);
  }

  @Test
  void theReferenceAugmentationTreesBuildExceptAProjectSpecificAugmenter() throws IOException {
    String text;
    try (var in = getClass().getResourceAsStream("reference-augmentations.yaml")) {
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    var root =
        (dev.musket.engine.config.ConfigNode.Mapping) YamlTrees.parse(text, Path.of("r.yaml"));
    for (var entry : root.entries()) {
      var build = new AugmenterTreeBuilder(Path.of(".")).build(entry.value());
      if (entry.key().equals("severstal/segment2")) {
        assertThat(build.diagnostics())
            .singleElement()
            .satisfies(
                d -> assertThat(d.message()).startsWith("unknown augmenter 'AffineWithPadding'"))
            .satisfies(d -> assertThat(d.line()).isEqualTo(10));
      } else {
        assertThat(build.ok()).as(entry.key()).isTrue();
      }
    }
  }

  @Test
  void everyReferenceConfigBuildsOrGetsAPreciseDiagnostic() throws IOException {
    Path dir = Path.of("/work/shared/reference/musket-configs");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isDirectory(dir), "reference configs present");
    int built = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        var root = YamlTrees.read(f);
        if (!(root instanceof dev.musket.engine.config.ConfigNode.Mapping map)) {
          continue;
        }
        for (String key : List.of("augmentation", "transforms")) {
          var node = map.get(key);
          if (node.isEmpty()) {
            continue;
          }
          var build = new AugmenterTreeBuilder(f.getParent()).build(node.get());
          if (build.ok()) {
            built++;
          } else {
            assertThat(build.diagnostics())
                .as(f.getFileName().toString())
                .allSatisfy(
                    d -> assertThat(d.message()).contains("unknown augmenter 'AffineWithPadding'"));
          }
        }
      }
    }
    assertThat(built).isGreaterThan(10);
  }
}
