package dev.musket.editor.analysis;

import dev.musket.editor.EditorComponent;
import dev.musket.editor.YamlEditor;
import dev.musket.editor.diagnostics.DiagnosticsProvider;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import org.fxmisc.richtext.model.PlainTextChange;
import org.reactfx.Subscription;

/**
 * Re-highlights and re-validates the text off the FX thread after a typing pause, latest request
 * wins, and restyles only the stretch that changed ({@link StyleDelta}).
 *
 * <p>Each request is numbered; a result is applied only if it is the newest request and the area
 * still shows the text it was computed for, so a slow validation of an old text never overwrites a
 * newer one (RichTextFX's async highlighting demo, Recaf's analysis pane).
 */
public final class AsyncAnalysis implements EditorComponent {

  /** The typing pause after which the text is analysed. */
  public static final Duration PAUSE = Duration.ofMillis(200);

  private final DocumentAnalyzer analyzer;
  private final Executor executor;
  private final AtomicLong latest = new AtomicLong();
  private YamlEditor editor;
  private Subscription subscription;
  private Subscription editTracking;

  /** No edit since the last applied analysis touched text before this offset. */
  private int editedFrom = Integer.MAX_VALUE;

  /** No edit since the last applied analysis touched the last this-many characters. */
  private int editedFromEnd = Integer.MAX_VALUE;

  /** The text of the latest request, and whether it was edited since (an edit undone, say). */
  private String requestedText;

  private boolean editedSinceRequest;

  /** Receives an analysis to show, with the stretch {@code [from, to)} whose styles changed. */
  @FunctionalInterface
  public interface Sink {
    void show(Analysis analysis, int from, int to);
  }

  private final Sink sink;

  /**
   * Analyses with {@code diagnostics} on {@code executor} and hands each result that is still
   * current to {@code sink} on the FX thread.
   */
  public AsyncAnalysis(DiagnosticsProvider diagnostics, Executor executor, Sink sink) {
    this.analyzer = new DocumentAnalyzer(diagnostics);
    this.executor = executor;
    this.sink = sink;
  }

  @Override
  public void install(YamlEditor target) {
    this.editor = target;
    subscription =
        target
            .codeArea()
            .multiPlainChanges()
            .successionEnds(PAUSE)
            .subscribe(ignore -> analyzeNow());
    editTracking = target.codeArea().plainTextChanges().subscribe(this::recordEdit);
  }

  /** Widens the stretch edited since the last applied analysis (see {@link StyleDelta}). */
  private void recordEdit(PlainTextChange change) {
    editedSinceRequest = true;
    int end = change.getPosition() + change.getInserted().length();
    editedFrom = Math.min(editedFrom, change.getPosition());
    editedFromEnd = Math.min(editedFromEnd, editor.codeArea().getLength() - end);
  }

  @Override
  public void uninstall(YamlEditor target) {
    if (subscription != null) {
      subscription.unsubscribe();
      editTracking.unsubscribe();
    }
    latest.incrementAndGet();
    editor = null;
  }

  /**
   * Starts an analysis of the current text now, unless the latest request already covers this very
   * text (the typing pause after {@code setText}, say); call on the FX thread.
   */
  public void analyzeNow() {
    YamlEditor target = editor;
    if (target == null) {
      return;
    }
    String text = target.getText();
    if (!editedSinceRequest && text.equals(requestedText)) {
      return;
    }
    requestedText = text;
    editedSinceRequest = false;
    long request = latest.incrementAndGet();
    try {
      executor.execute(
          () -> {
            Analysis result = analyzer.analyze(text);
            Platform.runLater(() -> apply(request, result));
          });
    } catch (RejectedExecutionException e) {
      // the editor was disposed while typing: nothing left to update
    }
  }

  private void apply(long request, Analysis result) {
    YamlEditor target = editor;
    if (target == null || request != latest.get() || !target.getText().equals(result.text())) {
      return;
    }
    Analysis previous = target.lastAnalysisProperty().get();
    int from = 0;
    int to = result.text().length();
    if (previous != null) {
      int[] range = StyleDelta.range(previous.styles(), result.styles(), editedFrom, editedFromEnd);
      from = range[0];
      to = range[1];
    }
    editedFrom = Integer.MAX_VALUE;
    editedFromEnd = Integer.MAX_VALUE;
    AnalysisAppliedEvent event = new AnalysisAppliedEvent();
    event.begin();
    sink.show(result, from, to);
    event.restyled = Math.max(0, to - from);
    event.length = result.text().length();
    event.problems = result.problems().size();
    event.commit();
  }
}
