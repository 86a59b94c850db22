package dev.musket.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of DESIGN.md section 1, checked on every build. The app module's test classpath sees
 * all three modules, so the rules for engine, editor and app live here together; each carries its
 * reason, which is what a failing build prints.
 */
@AnalyzeClasses(
    packages = "dev.musket",
    importOptions = {
      ImportOption.DoNotIncludeTests.class,
      ArchitectureTest.DoNotIncludeTestJars.class
    })
class ArchitectureTest {

  /**
   * The editor's UI-test helpers reach the app's tests as a test jar ({@code *-tests.jar}), which
   * {@link ImportOption.DoNotIncludeTests} only recognises as test code in a test-classes folder.
   */
  static final class DoNotIncludeTestJars implements ImportOption {
    @Override
    public boolean includes(com.tngtech.archunit.core.importer.Location location) {
      return !location.contains("-tests.jar");
    }
  }

  @ArchTest
  static final ArchRule engineHasNoUi =
      noClasses()
          .that()
          .resideInAPackage("dev.musket.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx..", "org.fxmisc..", "dev.musket.app..", "dev.musket.editor..")
          .because(
              "the engine runs headless (`musket fit` on a server, in CI) and must never need a"
                  + " display or the desktop app");

  @ArchTest
  static final ArchRule editorKnowsNothingOfTheEngine =
      noClasses()
          .that()
          .resideInAPackage("dev.musket.editor..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.musket.engine..", "org.deeplearning4j..", "org.nd4j..", "org.bytedeco..")
          .because(
              "the editor is a reusable control that consumes its own small SPI; the app adapts the"
                  + " engine's schema and validator to it")
          .allowEmptyShould(true); // holds vacuously until the editor module has classes

  @ArchTest
  static final ArchRule viewModelsHaveNoScene =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("ViewModel")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("javafx.scene..")
          .because("view-models hold state as properties and are unit-tested without a stage")
          .allowEmptyShould(true); // holds vacuously until the first view-model exists

  @ArchTest
  static final ArchRule onlyOneEnginePackageTouchesOpenCv =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.musket.engine.augment.opencv..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.bytedeco.opencv..")
          .because(
              "OpenCV's native types leak memory when mishandled; keeping them in one package keeps"
                  + " that risk, and the image conversions, in one place");

  @ArchTest
  static final ArchRule onlyTheCliPrints =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.musket.engine.cli..")
          .should()
          .accessField(System.class, "out")
          .orShould()
          .accessField(System.class, "err")
          .because(
              "output to a terminal is the CLI's job; everything else logs through slf4j so the"
                  + " workbench can show it in its console panel");

  @ArchTest
  static final ArchRule appNeverStartsRawThreads =
      noClasses()
          .that()
          .resideInAPackage("dev.musket.app..")
          .and()
          .resideOutsideOfPackage("dev.musket.app.task..")
          .should()
          .callConstructor(Thread.class, Runnable.class)
          .orShould()
          .callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
          .because(
              "background work goes through the TaskExecutor seam, which delivers results on the FX"
                  + " thread and runs on the caller's thread in tests");

  @ArchTest
  static final ArchRule noInlineStyles =
      noClasses()
          .that()
          .resideInAPackage("dev.musket..")
          .should()
          .callMethodWhere(
              JavaCall.Predicates.target(HasName.Predicates.name("setStyle"))
                  .and(
                      JavaCall.Predicates.target(
                          HasOwner.Predicates.With.owner(
                              JavaClass.Predicates.resideInAPackage("javafx..")))))
          .because(
              "inline styles cannot follow the light/dark theme; style classes and the looked-up"
                  + " -mw-* colours of theme/workbench.css can");
}
