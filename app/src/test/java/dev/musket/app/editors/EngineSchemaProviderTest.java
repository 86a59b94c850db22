package dev.musket.app.editors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.editor.document.YamlPath;
import dev.musket.editor.schema.SchemaKey;
import dev.musket.editor.schema.SchemaValue;
import dev.musket.editor.schema.ValueShape;
import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.config.schema.Schema;
import dev.musket.engine.testing.TinyProjects;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineSchemaProviderTest {

  private final EngineSchemaProvider provider = new EngineSchemaProvider(Schema.classification());

  @Test
  void rootKeysAreTheSchemasRootPropertiesWithShapes() {
    assertThat(provider.keys(YamlPath.root()))
        .extracting(SchemaKey::name)
        .contains("architecture", "classes", "stages", "augmentation", "callbacks");
    assertThat(provider.keys(YamlPath.root()))
        .filteredOn(k -> k.name().equals("stages"))
        .singleElement()
        .satisfies(k -> assertThat(k.shape()).isEqualTo(ValueShape.LIST));
  }

  @Test
  void insideAStageTheKeysAreStageProperties() {
    assertThat(provider.keys(YamlPath.parse("stages[0]")))
        .extracting(SchemaKey::name)
        .contains("epochs", "negatives", "extra_callbacks")
        .doesNotContain("architecture");
  }

  @Test
  void componentTreesOfferNamesAndComponentsOfferParameters() {
    assertThat(provider.keys(YamlPath.parse("augmentation")))
        .extracting(SchemaKey::name)
        .contains("Fliplr", "Affine");
    assertThat(provider.keys(YamlPath.parse("augmentation.Affine")))
        .extracting(SchemaKey::name)
        .contains("rotate", "mode");
    assertThat(provider.keys(YamlPath.parse("stages[1].callbacks.EarlyStopping")))
        .extracting(SchemaKey::name)
        .contains("patience", "monitor");
    assertThat(provider.keys(YamlPath.parse("dataset")))
        .extracting(SchemaKey::name)
        .contains("image_folder", "csv");
  }

  @Test
  void valuesComeFromEnumsAndCatalogs() {
    assertThat(provider.values(YamlPath.parse("optimizer")))
        .extracting(SchemaValue::name)
        .contains("Adam", "SGD");
    assertThat(provider.values(YamlPath.parse("architecture")))
        .extracting(SchemaValue::name)
        .contains("ResNet50");
    assertThat(provider.values(YamlPath.parse("primary_metric_mode")))
        .extracting(SchemaValue::name)
        .containsExactly("auto", "min", "max");
    assertThat(provider.values(YamlPath.parse("metrics[0]")))
        .extracting(SchemaValue::name)
        .contains("binary_accuracy");
    assertThat(provider.values(YamlPath.parse("augmentation.Affine.mode")))
        .extracting(SchemaValue::name)
        .contains("reflect");
    assertThat(provider.values(YamlPath.parse("callbacks.EarlyStopping.monitor")))
        .extracting(SchemaValue::name)
        .contains("val_loss");
  }

  @Test
  void docsAreThoseOfTheSchema() {
    assertThat(provider.keyDoc(YamlPath.root(), "batch"))
        .get()
        .asString()
        .contains("Training batch size")
        .contains("Default: 8");
    assertThat(provider.keys(YamlPath.parse("nonsense.path"))).isEmpty();
  }

  @Test
  void diagnosticsArriveAsEditorProblemsAtTheirPositions() {
    var problems =
        new EngineDiagnosticsProvider(new ExperimentLoader(), null)
            .diagnose(
                "architecture: ResNet18\nclasses: 2\nactivation: sigmoid\nshape: [32, 32, 3]\nbach: 4\nstages: [{epochs: 1}]\n");
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(5);
              assertThat(p.column()).isEqualTo(1);
              assertThat(p.message()).isEqualTo("unknown property 'bach'; did you mean 'batch'?");
            });
  }

  @Test
  void validationTeachesCompletionTheProjectsOwnNames(@TempDir Path project) throws IOException {
    TinyProjects.writeModule(project, TinyProjects.TINY_NET);
    TinyProjects.writeModule(project, "Scoring.java", TinyProjects.SCORING_MODULE);
    Path config = TinyProjects.experiment(project, "e", "classes: 2\n").resolve("config.yaml");
    ProjectNamesCache names = new ProjectNamesCache();
    EngineSchemaProvider projectAware =
        new EngineSchemaProvider(Schema.classification(), names::get);
    assertThat(projectAware.values(YamlPath.parse("loss")))
        .extracting(SchemaValue::name)
        .doesNotContain("squared_margin");

    new EngineDiagnosticsProvider(new ExperimentLoader(), config, names).diagnose("classes: 2\n");

    assertThat(projectAware.values(YamlPath.parse("loss")))
        .extracting(SchemaValue::name)
        .contains("binary_crossentropy", "squared_margin");
    assertThat(projectAware.values(YamlPath.parse("stages[1].loss")))
        .extracting(SchemaValue::name)
        .contains("squared_margin");
    assertThat(projectAware.values(YamlPath.parse("metrics[0]")))
        .extracting(SchemaValue::name)
        .contains("binary_accuracy", "project_mae", "rows_seen");
    assertThat(projectAware.values(YamlPath.parse("primary_metric")))
        .extracting(SchemaValue::name)
        .contains("val_project_mae", "rows_seen");
    assertThat(projectAware.values(YamlPath.parse("architecture")))
        .extracting(SchemaValue::name)
        .contains("ResNet50", "TinyNet");
    assertThat(projectAware.valueDoc(YamlPath.parse("loss"), "squared_margin"))
        .hasValue("Defined by the project's code (modules/).");
  }
}
