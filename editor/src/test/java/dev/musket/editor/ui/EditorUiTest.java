package dev.musket.editor.ui;

import dev.musket.editor.YamlEditor;
import dev.musket.editor.schema.SchemaKeyDiagnostics;
import dev.musket.editor.schema.SchemaTree;
import dev.musket.editor.schema.TinySchema;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Shows a real {@link YamlEditor} over the tiny test schema in a real window. (TestFX's
 * ApplicationExtension only finds {@code @Start} on the test class itself, so the base class uses
 * ApplicationTest.)
 */
abstract class EditorUiTest extends ApplicationTest {

  /** This test as a robot, to keep the test bodies readable. */
  protected final FxRobot robot = this;

  protected YamlEditor editor;
  protected CodeArea area;

  @Override
  public void start(Stage stage) {
    SchemaTree schema = TinySchema.create();
    editor = new YamlEditor(schema, new SchemaKeyDiagnostics(schema));
    area = editor.codeArea();
    stage.setScene(new Scene(editor, 800, 500));
    stage.show();
    area.requestFocus();
  }

  @AfterEach
  void disposeEditor() {
    robot.interact(editor::dispose);
  }

  /** Loads {@code text} as if a file had been opened, and puts the caret at its end. */
  protected void load(String text) {
    robot.interact(
        () -> {
          editor.setText(text);
          area.moveTo(area.getLength());
          area.requestFocus();
        });
  }

  /** Waits up to five seconds for {@code condition}, checked on the FX thread. */
  protected static void waitUntil(BooleanSupplier condition) throws TimeoutException {
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
  }
}
