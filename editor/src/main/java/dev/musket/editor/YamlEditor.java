package dev.musket.editor;

import dev.musket.editor.analysis.Analysis;
import dev.musket.editor.analysis.AsyncAnalysis;
import dev.musket.editor.completion.CompletionController;
import dev.musket.editor.diagnostics.DiagnosticsProvider;
import dev.musket.editor.diagnostics.Problem;
import dev.musket.editor.diagnostics.ProblemGutter;
import dev.musket.editor.diagnostics.ProblemRange;
import dev.musket.editor.edit.EditingKeys;
import dev.musket.editor.find.FindReplaceBar;
import dev.musket.editor.find.GoToLineBar;
import dev.musket.editor.hover.HoverPopup;
import dev.musket.editor.schema.SchemaProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.layout.BorderPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

/**
 * A schema-aware YAML editor control for Musket configs.
 *
 * <p>It is a {@link CodeArea} assembled from {@link EditorComponent}s: off-thread highlighting and
 * validation after a typing pause, squiggles and gutter markers, completion, hover docs, editing
 * keys, find/replace and go to line. It knows nothing of the engine: everything it knows about the
 * config language comes through {@link SchemaProvider} and {@link DiagnosticsProvider}.
 *
 * <p>Keys: Ctrl+Space completion, Ctrl+/ toggle comment, Tab/Shift+Tab indent, Ctrl+F find, Ctrl+H
 * replace, Ctrl+L go to line, Ctrl+Z/Ctrl+Y undo/redo.
 */
public final class YamlEditor extends BorderPane {

  /** Style class of the control; {@code yaml-editor.css} styles below it. */
  public static final String STYLE_CLASS = "yaml-editor";

  private final CodeArea area = new CodeArea();
  private final SchemaProvider schema;
  private final ExecutorService ownExecutor;
  private final ObservableList<Problem> problems = FXCollections.observableArrayList();
  private final ObservableList<Problem> readOnlyProblems =
      FXCollections.unmodifiableObservableList(problems);
  private final ReadOnlyObjectWrapper<List<ProblemRange>> problemRanges =
      new ReadOnlyObjectWrapper<>(this, "problemRanges", List.of());
  private final ReadOnlyObjectWrapper<Analysis> lastAnalysis =
      new ReadOnlyObjectWrapper<>(this, "lastAnalysis");
  private final BooleanBinding dirty;
  private final javafx.beans.property.StringProperty savedText =
      new javafx.beans.property.SimpleStringProperty("");
  private final List<EditorComponent> components = new ArrayList<>();
  private final AsyncAnalysis analysis;
  private final FindReplaceBar findBar;
  private final GoToLineBar goToLineBar;
  private final CompletionController completion;

  /**
   * An editor using {@code schema} for completion and hover and {@code diagnostics} for problems,
   * analysing on a daemon thread of its own (stopped by {@link #dispose()}).
   */
  public YamlEditor(SchemaProvider schema, DiagnosticsProvider diagnostics) {
    this(schema, diagnostics, null);
  }

  /**
   * An editor that runs its highlighting and validation on {@code analysisExecutor} (the app's
   * background pool, for instance); the editor never shuts that executor down. Results are applied
   * on the FX thread, latest request wins, whatever order the executor runs them in.
   */
  public YamlEditor(
      SchemaProvider schema, DiagnosticsProvider diagnostics, Executor analysisExecutor) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.ownExecutor = analysisExecutor == null ? newAnalysisThread() : null;
    Executor executor = analysisExecutor == null ? ownExecutor : analysisExecutor;
    getStyleClass().add(STYLE_CLASS);
    getStylesheets().add(YamlEditor.class.getResource("yaml-editor.css").toExternalForm());
    setCenter(new VirtualizedScrollPane<>(area));
    // compared with the saved text, not the undo history: typing a key and deleting it again, or
    // undoing back to the saved state, both leave the file clean. The lengths are compared first
    // so that a keystroke (the app's tab title re-reads this on each one) does not copy and compare
    // the whole text unless it has the saved length; it depends on an edit counter rather than on
    // the area's text property, which would only report the next edit once its text was read.
    IntegerProperty edits = new SimpleIntegerProperty();
    area.plainTextChanges().subscribe(change -> edits.set(edits.get() + 1));
    dirty =
        Bindings.createBooleanBinding(
            () ->
                area.getLength() != savedText.get().length()
                    || !area.getText().equals(savedText.get()),
            edits,
            savedText);
    analysis = new AsyncAnalysis(diagnostics, executor, this::showAnalysis);
    findBar = new FindReplaceBar();
    goToLineBar = new GoToLineBar();
    completion = new CompletionController(executor);
    for (EditorComponent component :
        List.of(
            analysis,
            new ProblemGutter(),
            completion,
            new HoverPopup(),
            new EditingKeys(),
            findBar,
            goToLineBar)) {
      install(component);
    }
  }

  /** Adds a feature; the editor's own features are installed by the constructor. */
  public void install(EditorComponent component) {
    component.install(this);
    components.add(component);
  }

  /** Removes a feature installed earlier. */
  public void uninstall(EditorComponent component) {
    if (components.remove(component)) {
      component.uninstall(this);
    }
  }

  /**
   * Replaces the whole text (e.g. a file just opened): undo history starts afresh, the editor is
   * clean, and the new text is analysed at once rather than after a pause.
   */
  public void setText(String text) {
    area.replaceText(text);
    area.getUndoManager().forgetHistory();
    markClean();
    area.moveTo(0);
    area.showParagraphAtTop(0);
    analysis.analyzeNow();
  }

  /** The current text. */
  public String getText() {
    return area.getText();
  }

  /** Records the current text as saved, so {@link #dirtyProperty()} becomes false. */
  public void markClean() {
    area.getUndoManager().mark();
    savedText.set(area.getText());
  }

  /** True while the text differs from what was last loaded or marked clean (undo can clear it). */
  public BooleanBinding dirtyProperty() {
    return dirty;
  }

  /** Whether the text has unsaved changes. */
  public boolean isDirty() {
    return dirty.get();
  }

  /** Undoes the last edit. */
  public void undo() {
    area.undo();
  }

  /** Redoes the last undone edit. */
  public void redo() {
    area.redo();
  }

  /** Moves the caret to a 1-based line and column and scrolls it into view. */
  public void goToLine(int line, int column) {
    int paragraph = Math.max(0, Math.min(line - 1, area.getParagraphs().size() - 1));
    int col = Math.max(0, Math.min(column - 1, area.getParagraphLength(paragraph)));
    area.moveTo(paragraph, col);
    area.requestFollowCaret();
    area.requestFocus();
  }

  /** Shows the find bar (with the replace row when {@code replace}). */
  public void showFind(boolean replace) {
    findBar.show(replace);
  }

  /** Shows the go-to-line bar. */
  public void showGoToLine() {
    goToLineBar.show();
  }

  /** Opens the completion popup at the caret, as Ctrl+Space does. */
  public void showCompletion() {
    completion.showAtCaret();
  }

  /**
   * The problems of the last analysed text, sorted by position; the app binds its problems view to
   * this list. Updated on the FX thread after each analysis.
   */
  public ObservableList<Problem> getProblems() {
    return readOnlyProblems;
  }

  /** The problems placed in the text, for the gutter and hover. */
  public ReadOnlyObjectProperty<List<ProblemRange>> problemRangesProperty() {
    return problemRanges.getReadOnlyProperty();
  }

  /** The last analysis applied to the area (useful to wait for highlighting in tests). */
  public ReadOnlyObjectProperty<Analysis> lastAnalysisProperty() {
    return lastAnalysis.getReadOnlyProperty();
  }

  /** The text area itself, for components and for the app's own key bindings. */
  public CodeArea codeArea() {
    return area;
  }

  /** The schema this editor completes and documents from. */
  public SchemaProvider schema() {
    return schema;
  }

  /**
   * Shows an analysis of the current text, restyling only {@code [from, to)} (the rest already
   * carries these styles); called by the analysis component on the FX thread.
   */
  private void showAnalysis(Analysis result, int from, int to) {
    if (from < to) {
      area.setStyleSpans(from, result.styles().subView(from, to));
    }
    if (!result.problems().equals(problemRanges.get())) {
      problemRanges.set(result.problems());
    }
    List<Problem> newProblems = result.problems().stream().map(ProblemRange::problem).toList();
    if (!newProblems.equals(problems)) {
      problems.setAll(newProblems);
    }
    lastAnalysis.set(result);
  }

  /** Uninstalls every component and stops its own analysis thread; the editor is unusable after. */
  public void dispose() {
    for (EditorComponent component : List.copyOf(components)) {
      uninstall(component);
    }
    if (ownExecutor != null) {
      ownExecutor.shutdownNow();
    }
  }

  private static ExecutorService newAnalysisThread() {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread thread = new Thread(r, "yaml-editor-analysis");
          thread.setDaemon(true);
          return thread;
        });
  }
}
