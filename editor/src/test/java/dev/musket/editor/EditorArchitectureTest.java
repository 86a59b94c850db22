package dev.musket.editor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

/** The editor's layering rules, each with its reason. */
class EditorArchitectureTest {

  private static final JavaClasses EDITOR =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.musket.editor");

  @Test
  void theEditorKnowsNothingOfTheEngineOrDeepLearning() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.musket.engine..",
            "dev.musket.app..",
            "org.deeplearning4j..",
            "org.nd4j..",
            "org.bytedeco..")
        .because("the app adapts the engine to the editor's SPI (DESIGN.md section 1)")
        .check(EDITOR);
  }

  @Test
  void theCoresDoNotTouchTheSceneGraph() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.musket.editor.document..", "dev.musket.editor.schema..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "org.fxmisc..")
        .because("they are pure cores, unit-tested without a stage")
        .check(EDITOR);
  }

  @Test
  void theSpiDependsOnlyOnTheDocumentModel() {
    classes()
        .that()
        .resideInAnyPackage("dev.musket.editor.schema..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("dev.musket.editor.schema..", "dev.musket.editor.document..", "java..")
        .because("the app's adapter implements it without pulling editor internals")
        .check(EDITOR);
  }

  @Test
  void nothingPrintsToTheConsole() {
    GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
        .because("the editor logs through slf4j")
        .check(EDITOR);
  }
}
