package dev.musket.engine.augment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.config.ComponentSpec;
import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.validate.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AugmenterSpecsTest {
  private final List<Diagnostic> problems = new ArrayList<>();

  private List<ComponentSpec> read(String yaml) {
    return AugmenterSpecs.builtIn().read(YamlTrees.parse(yaml, Path.of("c.yaml")), problems);
  }

  private static String text(ComponentSpec spec, String arg) {
    return ((ConfigNode.Scalar) spec.args().get(arg)).asText();
  }

  @Test
  void aScalarIsTheFirstPositionalArgumentAndNamesAreCanonical() {
    List<ComponentSpec> specs = read("fliplr: 0.5\nscale: 0.5");
    assertThat(specs).extracting(ComponentSpec::name).containsExactly("Fliplr", "Resize");
    assertThat(text(specs.get(0), "p")).isEqualTo("0.5");
    assertThat(specs.get(1).args()).containsOnlyKeys("size");
    assertThat(problems).isEmpty();
  }

  @Test
  void aListFillsPositionalArgumentsUnlessItIsARange() {
    ComponentSpec sometimes = read("Sometimes: [0.3, {Fliplr: 1}]").get(0);
    assertThat(sometimes.args()).containsOnlyKeys("p", "then_list");
    ComponentSpec add = read("Add: [-10, 10]").get(0);
    assertThat(add.args()).containsOnlyKeys("value");
    assertThat(add.args().get("value")).isInstanceOf(ConfigNode.Sequence.class);
    ComponentSpec someOf = read("SomeOf: [2, [Fliplr: 1, Flipud: 1]]").get(0);
    assertThat(someOf.args()).containsOnlyKeys("n", "children");
  }

  @Test
  void aMapOfAugmentersIsTheChildrenOfAContainer() {
    ComponentSpec oneOf = read("OneOf: {Fliplr: 1, Flipud: 1}").get(0);
    assertThat(oneOf.args()).containsOnlyKeys("children");
    ComponentSpec seq = read("Sequential: {children: [Fliplr: 1], random_order: true}").get(0);
    assertThat(seq.args()).containsOnlyKeys("children", "random_order");
  }

  @Test
  void aListOfOneEntryMapsIsReadInOrder() {
    assertThat(read("- Flipud: 1\n- Fliplr: 1"))
        .extracting(ComponentSpec::name)
        .containsExactly("Flipud", "Fliplr");
  }

  @Test
  void tooManyPositionalArgumentsIsADiagnostic() {
    read("Fliplr: {p: 1}\nInvert: [0.5, true, 3]");
    assertThat(problems)
        .singleElement()
        .extracting(Diagnostic::message)
        .asString()
        .contains("Invert takes at most 2 positional arguments (p, per_channel), got 3");
  }

  @Test
  void specsKeepTheirPositions() {
    ComponentSpec affine = read("Fliplr: 1\nAffine:\n  rotate: 5\n").get(1);
    assertThat(affine.args().get("rotate").position().line()).isEqualTo(3);
    assertThat(affine.args().get("rotate").path()).isEqualTo("Affine.rotate");
  }
}
