package dev.musket.editor.completion;

import dev.musket.editor.EditorComponent;
import dev.musket.editor.YamlEditor;
import dev.musket.editor.document.CursorContext;
import dev.musket.editor.document.CursorContextResolver;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.event.EventHandler;
import javafx.geometry.Bounds;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;
import org.fxmisc.richtext.CodeArea;
import org.reactfx.Subscription;

/**
 * Drives the completion popup from the keyboard: Ctrl+Space opens it, typing a name opens it on its
 * own, further typing filters it, Up/Down choose, Enter or Tab accept, Escape closes.
 */
public final class CompletionController implements EditorComponent {

  private static final KeyCombination OPEN = KeyCombination.keyCombination("Shortcut+Space");

  /**
   * How long typing must pause before the list is (re)computed: keeps a fast typist's keystrokes
   * free of completion work, yet feels immediate. The computation itself (it reads the whole text)
   * runs on the editor's background executor, not on the FX thread.
   */
  public static final Duration TYPING_DELAY = Duration.millis(60);

  private final CompletionPopup popup = new CompletionPopup();
  private final PauseTransition typingPause = new PauseTransition(TYPING_DELAY);
  private final Executor executor;
  private CompletionEngine engine;
  private CodeArea area;
  private CompletionResult current;
  private EventHandler<KeyEvent> navigation;
  private EventHandler<KeyEvent> typed;
  private EventHandler<KeyEvent> pressed;
  private ChangeListener<Boolean> focusLost;
  private Subscription editCount;

  /** Text edits seen so far; a list or a pending computation is stale once this moves on. */
  private long edits;

  /** The value of {@link #edits} when the shown list was computed. */
  private long currentEdit;

  /** Number of the latest background request; older results are dropped on arrival. */
  private long latestRequest;

  /** A controller computing the lists it shows while typing on {@code executor}. */
  public CompletionController(Executor executor) {
    this.executor = executor;
  }

  @Override
  public void install(YamlEditor editor) {
    area = editor.codeArea();
    engine = new CompletionEngine(editor.schema());
    popup.setStylesheets(editor.getStylesheets());
    typingPause.setOnFinished(e -> refreshInBackground());
    popup.setOnClickAccept(this::accept);
    navigation = this::navigate;
    typed = this::afterTyped;
    pressed = this::afterPressed;
    focusLost =
        (obs, was, focused) -> {
          if (!focused) {
            popup.hide();
          }
        };
    area.addEventFilter(KeyEvent.KEY_PRESSED, navigation);
    area.addEventHandler(KeyEvent.KEY_TYPED, typed);
    area.addEventHandler(KeyEvent.KEY_PRESSED, pressed);
    area.focusedProperty().addListener(focusLost);
    editCount = area.plainTextChanges().subscribe(change -> edits++);
  }

  @Override
  public void uninstall(YamlEditor editor) {
    area.removeEventFilter(KeyEvent.KEY_PRESSED, navigation);
    area.removeEventHandler(KeyEvent.KEY_TYPED, typed);
    area.removeEventHandler(KeyEvent.KEY_PRESSED, pressed);
    area.focusedProperty().removeListener(focusLost);
    editCount.unsubscribe();
    typingPause.stop();
    latestRequest++;
    popup.hide();
  }

  /** Opens the popup at the caret, even with nothing typed yet. */
  public void showAtCaret() {
    refresh(true);
  }

  /** The list shown in the popup, for tests and accessibility. */
  public ListView<CompletionItem> listView() {
    return popup.listView();
  }

  private void navigate(KeyEvent e) {
    if (OPEN.match(e)) {
      showAtCaret();
      e.consume();
      return;
    }
    if (!popup.isShowing()) {
      return;
    }
    switch (e.getCode()) {
      case UP -> popup.move(-1);
      case DOWN -> popup.move(1);
      case PAGE_UP -> popup.move(-8);
      case PAGE_DOWN -> popup.move(8);
      case ENTER, TAB -> accept();
      case ESCAPE -> popup.hide();
      case LEFT, RIGHT, HOME, END -> {
        popup.hide();
        return;
      }
      default -> {
        return;
      }
    }
    e.consume();
  }

  private void afterTyped(KeyEvent e) {
    String character = e.getCharacter();
    if (character.isEmpty() || e.isControlDown() || e.isMetaDown()) {
      return;
    }
    char c = character.charAt(0);
    if (CursorContextResolver.isWordChar(c) && c != '/') {
      typingPause.playFromStart();
    } else {
      typingPause.stop();
      popup.hide();
    }
  }

  private void afterPressed(KeyEvent e) {
    if (popup.isShowing() && (e.getCode() == KeyCode.BACK_SPACE || e.getCode() == KeyCode.DELETE)) {
      typingPause.playFromStart();
    }
  }

  /**
   * After a typing pause: computes the items at the caret on the background executor (completion
   * reads the whole text) and shows them if nothing was typed and the caret did not move meanwhile.
   */
  private void refreshInBackground() {
    typingPause.stop();
    String text = area.getText();
    int caret = area.getCaretPosition();
    long edit = edits;
    long request = ++latestRequest;
    try {
      executor.execute(
          () -> {
            CompletionResult result = engine.complete(text, caret);
            Platform.runLater(
                () -> {
                  if (request == latestRequest
                      && edit == edits
                      && caret == area.getCaretPosition()) {
                    show(result, false);
                  }
                });
          });
    } catch (RejectedExecutionException e) {
      // the editor was disposed while typing: nothing left to complete
    }
  }

  /** Computes the items at the caret now and shows them (Ctrl+Space) or hides the popup. */
  private void refresh(boolean explicit) {
    typingPause.stop();
    latestRequest++;
    show(engine.complete(area.getText(), area.getCaretPosition()), explicit);
  }

  /** Opens the popup on {@code result} when asked or when a name is typed; else hides it. */
  private void show(CompletionResult result, boolean explicit) {
    CompletionRefreshEvent event = new CompletionRefreshEvent();
    event.begin();
    CursorContext context = result.context();
    boolean typingName = !context.prefix().isEmpty() && !isNumber(context.prefix());
    List<CompletionItem> items = result.items();
    boolean onlyWhatIsTyped = items.size() == 1 && items.get(0).label().equals(context.prefix());
    event.items = items.size();
    if (items.isEmpty() || (!explicit && (!typingName || onlyWhatIsTyped))) {
      popup.hide();
      current = null;
    } else {
      current = result;
      currentEdit = edits;
      Bounds caret = area.getCaretBounds().orElse(null);
      if (caret != null && area.getScene() != null) {
        popup.show(area.getScene().getWindow(), caret.getMinX(), caret.getMaxY() + 2, items);
      }
    }
    event.shown = popup.isShowing();
    event.commit();
  }

  /**
   * Inserts the highlighted item. If keys were typed since the list was computed (its update may
   * still be pending), the list is recomputed first and the same entry (or else the best one) is
   * taken.
   */
  private void accept() {
    CompletionItem item = popup.selected();
    CompletionResult result = current;
    if (currentEdit != edits && item != null) {
      typingPause.stop();
      latestRequest++;
      result = engine.complete(area.getText(), area.getCaretPosition());
      String label = item.label();
      item =
          result.items().stream()
              .filter(i -> i.label().equals(label))
              .findFirst()
              .orElse(result.items().isEmpty() ? null : result.items().get(0));
    }
    popup.hide();
    if (item == null || result == null) {
      return;
    }
    int caret = area.getCaretPosition();
    int start = Math.min(result.context().prefixStart(), caret);
    area.replaceText(start, caret, item.insertText());
    area.moveTo(start + item.insertText().length());
    area.requestFollowCaret();
  }

  private static boolean isNumber(String prefix) {
    return prefix.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.' || ch == '-');
  }
}
