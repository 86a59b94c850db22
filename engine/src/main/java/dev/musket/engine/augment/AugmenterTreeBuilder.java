package dev.musket.engine.augment;

import dev.musket.engine.config.ComponentSpec;
import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.validate.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds augmenter trees from Musket's {@code augmentation}/{@code transforms} nodes, by the names
 * in {@code augmenters.yaml}.
 *
 * <p>Why a registry of factories: each augmenter reads its arguments through {@link AugmenterArgs}
 * (schema defaults, checked forms), and a bad argument becomes a {@link Diagnostic} rather than an
 * exception, so the editor and {@code musket validate} can show every problem at once.
 */
public final class AugmenterTreeBuilder {
  private final AugmenterSchema schema;
  private final AugmenterSpecs specs;
  private final Map<String, Function<AugmenterArgs, Augmenter>> factories = new LinkedHashMap<>();

  /**
   * @param projectDir the folder relative paths (BackgroundReplacer's {@code path}) resolve against
   */
  public AugmenterTreeBuilder(Path projectDir) {
    this.schema = AugmenterSchema.builtIn();
    this.specs = new AugmenterSpecs(schema);
    factories.put("Sequential", TreeAugmenters::sequential);
    factories.put("OneOf", TreeAugmenters::oneOf);
    factories.put("SomeOf", TreeAugmenters::someOf);
    factories.put("Sometimes", TreeAugmenters::sometimes);
    factories.put("Fliplr", FlipAugmenters::fliplr);
    factories.put("Flipud", FlipAugmenters::flipud);
    factories.put("Rotate90", FlipAugmenters::rotate90);
    factories.put("Affine", AffineAugmenter::create);
    factories.put("CropAndPad", CropPadAugmenters::cropAndPad);
    factories.put("Crop", CropPadAugmenters::crop);
    factories.put("Pad", CropPadAugmenters::pad);
    factories.put("PadToFixedSize", CropPadAugmenters::padToFixedSize);
    factories.put("CropToFixedSize", CropPadAugmenters::cropToFixedSize);
    factories.put("Resize", ResizeAugmenter::create);
    factories.put("Add", ArithmeticAugmenters::add);
    factories.put("AddElementwise", ArithmeticAugmenters::addElementwise);
    factories.put("Multiply", ArithmeticAugmenters::multiply);
    factories.put("MultiplyElementwise", ArithmeticAugmenters::multiplyElementwise);
    factories.put("AdditiveGaussianNoise", ArithmeticAugmenters::additiveGaussianNoise);
    factories.put("Invert", ArithmeticAugmenters::invert);
    factories.put("Dropout", DropoutAugmenters::dropout);
    factories.put("CoarseDropout", DropoutAugmenters::coarseDropout);
    factories.put("SaltAndPepper", DropoutAugmenters::saltAndPepper);
    factories.put("LinearContrast", ColorAugmenters::linearContrast);
    factories.put("ContrastNormalization", ColorAugmenters::linearContrast);
    factories.put("GammaContrast", ColorAugmenters::gammaContrast);
    factories.put("Grayscale", ColorAugmenters::grayscale);
    factories.put("AddToHueAndSaturation", ColorAugmenters::addToHueAndSaturation);
    factories.put("GaussianBlur", FilterAugmenters::gaussianBlur);
    factories.put("AverageBlur", FilterAugmenters::averageBlur);
    factories.put("MedianBlur", FilterAugmenters::medianBlur);
    factories.put("Sharpen", FilterAugmenters::sharpen);
    factories.put("Emboss", FilterAugmenters::emboss);
    factories.put("PerspectiveTransform", WarpAugmenters::perspective);
    factories.put("ElasticTransformation", WarpAugmenters::elastic);
    factories.put("BackgroundReplacer", a -> BackgroundReplacer.create(a, projectDir));
  }

  /** The canonical names this builder implements (every one is declared in the schema). */
  public List<String> names() {
    return List.copyOf(factories.keySet());
  }

  /**
   * Builds the whole {@code augmentation} (or {@code transforms}) node as one Sequential, as Musket
   * wraps it. The result holds an augmenter only when there are no errors.
   */
  public AugmenterBuild build(ConfigNode node) {
    List<Diagnostic> problems = new ArrayList<>();
    List<Augmenter> children = buildAll(node, problems);
    return AugmenterBuild.of(new TreeAugmenters.Sequential(children, false), problems);
  }

  /** Builds already-read specs (the config layer's entry point). */
  public AugmenterBuild build(List<ComponentSpec> components) {
    List<Diagnostic> problems = new ArrayList<>();
    List<Augmenter> children = new ArrayList<>();
    for (ComponentSpec spec : components) {
      children.add(build(spec, problems));
    }
    return AugmenterBuild.of(new TreeAugmenters.Sequential(children, false), problems);
  }

  List<Augmenter> buildAll(ConfigNode node, List<Diagnostic> problems) {
    List<Augmenter> out = new ArrayList<>();
    for (ComponentSpec spec : specs.read(node, problems)) {
      out.add(build(spec, problems));
    }
    return out;
  }

  Augmenter build(ComponentSpec spec, List<Diagnostic> problems) {
    AugmenterSchema.Entry decl = schema.find(spec.name()).orElseThrow();
    Function<AugmenterArgs, Augmenter> factory = factories.get(decl.name());
    if (factory == null) {
      ConfigNode n = spec.node();
      problems.add(
          Diagnostic.error(
              n.file(),
              n.path(),
              spec.position(),
              "augmenter '" + spec.name() + "' has no builder"));
      return (image, random) -> image;
    }
    return factory.apply(new AugmenterArgs(spec, decl, problems, this));
  }
}
