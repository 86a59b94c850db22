package dev.musket.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.config.validate.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentLoaderTest {

  private static ExperimentConfig bind(String text) {
    ExperimentLoader.Loaded loaded = new ExperimentLoader().loadText(text, null);
    assertThat(loaded.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
    return loaded.config().orElseThrow();
  }

  @Test
  void musketsRealDefaultsAreFilledIn() {
    ExperimentConfig c = bind(TestConfigs.VALID);
    assertThat(c.training().batch()).isEqualTo(8);
    assertThat(c.training().lr()).isEqualTo(0.001);
    assertThat(c.training().inferenceBatch()).isEqualTo(32);
    assertThat(c.data().foldsCount()).isEqualTo(5);
    assertThat(c.data().randomState()).isEqualTo(33);
    assertThat(c.data().testSplitSeed()).isEqualTo(123);
    assertThat(c.data().validationSplit()).isEqualTo(0.2);
    assertThat(c.data().testSplit()).isZero();
    assertThat(c.training().primaryMetricMode()).isEqualTo("auto");
    assertThat(c.model().pooling()).isEqualTo("avg");
    assertThat(c.model().weights()).isNull();
    assertThat(c.training().stages())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.epochs()).isEqualTo(2);
              assertThat(s.negatives()).isEqualTo("all");
              assertThat(s.callbacks()).isNull();
            });
  }

  @Test
  void primaryMetricDefaultsToValBinaryAccuracy() {
    ExperimentConfig c =
        bind(TestConfigs.VALID.replace("primary_metric: val_categorical_accuracy\n", ""));
    assertThat(c.training().primaryMetric()).isEqualTo("val_binary_accuracy");
  }

  @Test
  void namesAreCanonicalAndArgumentsPositionalOrNamed() {
    ExperimentConfig c =
        bind(
            TestConfigs.VALID.replace("architecture: ResNet18", "architecture: resnet18")
                + """
                augmentation:
                  fliplr: 0.5
                  Affine: {rotate: [-15, 15], mode: reflect}
                  Sometimes: [0.3, {Flipud: 1}]
                batch_size: 16
                """);
    assertThat(c.model().architecture()).isEqualTo("ResNet18");
    assertThat(c.training().batch()).isEqualTo(16);
    List<ComponentSpec> aug = c.data().augmentation();
    assertThat(aug)
        .extracting(ComponentSpec::name)
        .containsExactly("Fliplr", "Affine", "Sometimes");
    assertThat(((ConfigNode.Scalar) aug.get(0).arg("p").orElseThrow()).asDouble()).isEqualTo(0.5);
    assertThat(aug.get(1).args()).containsOnlyKeys("rotate", "mode");
    assertThat(aug.get(2).args()).containsOnlyKeys("p", "then_list");
  }

  @Test
  void compositeAndMultiOutputLossesAreParsed() {
    ExperimentConfig c =
        bind(
            TestConfigs.VALID
                .replace("classes: 3", "classes: [3, 2]")
                .replace("activation: softmax", "activation: [softmax, sigmoid]")
                .replace(
                    "loss: categorical_crossentropy",
                    "loss: [categorical_crossentropy, binary_crossentropy+0.1*dice_loss]"));
    assertThat(c.model().isMultiOutput()).isTrue();
    assertThat(c.training().losses().get(1).terms())
        .containsExactly(
            new LossExpression.Term(1.0, "binary_crossentropy"),
            new LossExpression.Term(0.1, "dice_loss"));
  }

  @Test
  void commonYamlIsMergedPerKeyForCallbacksAndDatasets(@TempDir Path project) throws IOException {
    Files.writeString(
        project.resolve("common.yaml"),
        """
        batch: 32
        lr: 0.01
        callbacks:
          EarlyStopping: {patience: 5, monitor: val_loss}
          TerminateOnNaN:
        datasets:
          test: {image_folder: [data/test]}
        """);
    Path exp = project.resolve("experiments/a/config.yaml");
    Files.createDirectories(exp.getParent());
    Files.writeString(
        exp,
        TestConfigs.VALID
            + """
            lr: 0.1
            callbacks:
              EarlyStopping: {patience: 9, monitor: val_loss}
            dataset: {image_folder: [data/train]}
            """);
    ExperimentLoader.Loaded loaded = new ExperimentLoader().load(exp);
    assertThat(loaded.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
    ExperimentConfig c = loaded.config().orElseThrow();
    assertThat(c.training().batch()).isEqualTo(32);
    assertThat(c.training().lr()).isEqualTo(0.1);
    assertThat(c.training().callbacks())
        .extracting(ComponentSpec::name)
        .containsExactly("EarlyStopping", "TerminateOnNaN");
    assertThat(
            ((ConfigNode.Scalar) c.training().callbacks().get(0).arg("patience").orElseThrow())
                .asLong())
        .isEqualTo(9);
    assertThat(c.data().datasets()).containsOnlyKeys("test");
    assertThat(c.data().dataset().name()).isEqualTo("image_folder");
  }

  @Test
  void aProblemInCommonYamlPointsAtCommonYaml(@TempDir Path project) throws IOException {
    Files.writeString(project.resolve("common.yaml"), "batch: -1\n");
    Path exp = project.resolve("experiments/a/config.yaml");
    Files.createDirectories(exp.getParent());
    Files.writeString(exp, TestConfigs.VALID);
    List<Diagnostic> ds = new ExperimentLoader().load(exp).diagnostics();
    assertThat(ds)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.file()).isEqualTo(project.resolve("common.yaml"));
              assertThat(d.position()).isEqualTo(new SourcePosition(1, 8));
              assertThat(d.message()).isEqualTo("'batch' is -1; it must be at least 1");
            });
  }

  @Test
  void insideAProjectAnUnknownProjectDefinableNameIsAnError(@TempDir Path project)
      throws IOException {
    Path exp = project.resolve("experiments/a/config.yaml");
    Files.createDirectories(exp.getParent());
    Files.writeString(exp, TestConfigs.VALID + "dataset: {getMyData: []}\n");
    List<Diagnostic> ds = new ExperimentLoader().load(exp).diagnostics();
    assertThat(ds)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.isError()).isTrue();
              assertThat(d.line()).isEqualTo(12);
              assertThat(d.message())
                  .isEqualTo(
                      "unknown dataset factory 'getMyData'; known dataset factories: image_folder, csv, idx,"
                          + " or one defined in the project's modules/");
            });
    assertThat(TestConfigs.validate(TestConfigs.VALID + "dataset: {getMyData: []}\n"))
        .singleElement()
        .satisfies(d -> assertThat(d.isError()).isFalse());
  }

  @Test
  void insideAProjectAnUnknownFinalMetricIsAnErrorAtItsLine(@TempDir Path project)
      throws IOException {
    Path exp = project.resolve("experiments/a/config.yaml");
    Files.createDirectories(exp.getParent());
    Files.writeString(exp, TestConfigs.VALID + "final_metrics:\n  - hmar_incorrect:\n");
    List<Diagnostic> ds = new ExperimentLoader().load(exp).diagnostics();
    assertThat(ds)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.isError()).isTrue();
              assertThat(d.file()).isEqualTo(exp);
              assertThat(d.line()).isEqualTo(13);
              assertThat(d.message()).startsWith("unknown final metric 'hmar_incorrect'");
            });
  }

  @Test
  void extraTrainDataMayNameADatasetOfCommonYaml(@TempDir Path project) throws IOException {
    Files.writeString(project.resolve("common.yaml"), "datasets:\n  more: {image_folder: [x]}\n");
    Path exp = project.resolve("experiments/a/config.yaml");
    Files.createDirectories(exp.getParent());
    Files.writeString(exp, TestConfigs.VALID + "extra_train_data: more\n");
    assertThat(new ExperimentLoader().load(exp).diagnostics()).isEmpty();

    Files.writeString(exp, TestConfigs.VALID + "extra_train_data: less\n");
    assertThat(new ExperimentLoader().load(exp).diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.isError()).isTrue();
              assertThat(d.file()).isEqualTo(exp);
              assertThat(d.line()).isEqualTo(12);
              assertThat(d.message())
                  .startsWith(
                      "extra_train_data names the dataset 'less', which 'datasets:' does not"
                          + " define (it defines more)");
            });
  }
}
