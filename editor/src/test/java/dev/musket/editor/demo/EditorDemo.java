package dev.musket.editor.demo;

import dev.musket.editor.YamlEditor;
import dev.musket.editor.diagnostics.Problem;
import dev.musket.editor.schema.SchemaKeyDiagnostics;
import dev.musket.editor.schema.SchemaTree;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * Shows the editor on its own, on a sample Musket config with the demo schema: {@code mvn -pl
 * editor test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.musket.editor.demo.EditorDemo} (add {@code -Dexec.args=--large} for a
 * 1,000-line config). Does not extend Application (JavaFX on the classpath, see stack-notes pitfall
 * 2).
 */
public final class EditorDemo {

  private EditorDemo() {}

  public static void main(String[] args) {
    boolean large = args.length > 0 && args[0].equals("--large");
    Platform.startup(
        () -> {
          Stage stage = new Stage();
          stage.setTitle("Musket YAML editor demo");
          stage.setScene(
              new Scene(
                  content(large ? SampleConfigs.large(1000) : SampleConfigs.sample()), 900, 700));
          stage.setOnHidden(e -> Platform.exit());
          stage.show();
          System.out.println("Editor demo shown; close the window to quit.");
        });
  }

  /**
   * The demo's window content: the editor over the demo schema showing {@code config}, a problems
   * list that jumps to the selected problem, and a status line. Call on the FX thread.
   */
  public static BorderPane content(String config) {
    SchemaTree schema = DemoSchema.create();
    YamlEditor editor = new YamlEditor(schema, new SchemaKeyDiagnostics(schema));
    editor.setText(config);

    ListView<Problem> problems = new ListView<>(editor.getProblems());
    problems.setId("problems");
    problems.setPrefHeight(120);
    problems
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, p) -> {
              if (p != null) {
                editor.goToLine(p.line(), p.column());
              }
            });
    Label status = new Label();
    status.setId("status");
    status
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    (editor.isDirty() ? "modified" : "saved")
                        + " | "
                        + editor.getProblems().size()
                        + " problem(s) | Ctrl+Space complete, Ctrl+/ comment, Ctrl+F find,"
                        + " Ctrl+H replace, Ctrl+L go to line",
                editor.dirtyProperty(),
                editor.getProblems()));
    SplitPane split = new SplitPane(editor, problems);
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.8);
    BorderPane root = new BorderPane(split);
    root.setBottom(status);
    return root;
  }
}
