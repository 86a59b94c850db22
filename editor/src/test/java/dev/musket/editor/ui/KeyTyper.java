package dev.musket.editor.ui;

import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import jdk.jfr.Label;
import jdk.jfr.Name;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Types like a very fast typist: one key every {@code intervalMs} or as soon as the previous key
 * was handled, whichever is later, so no backlog builds up and a ping's wait is a real pause. Each
 * character is a key press, a key typed and a key release event fired at the target on the FX
 * thread, through the same handlers as real typing (Enter is a pressed ENTER plus a typed "\r").
 * TestFX's own robot waits for the FX queue to drain and sleeps after every character, which would
 * make 2,000 characters take minutes.
 */
final class KeyTyper {

  private KeyTyper() {}

  /** Types {@code text} into {@code target}; returns the longest time one key took, in ns. */
  static long type(Node target, String text, int intervalMs) throws Exception {
    long longestKey = 0;
    for (char c : text.toCharArray()) {
      KeyCode code = c == '\n' ? KeyCode.ENTER : KeyCode.UNDEFINED;
      String typedChar = c == '\n' ? "\r" : String.valueOf(c);
      long handled =
          WaitForAsyncUtils.asyncFx(
                  () -> {
                    KeyHandled event = new KeyHandled();
                    event.begin();
                    long start = System.nanoTime();
                    fire(target, KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, code);
                    fire(target, KeyEvent.KEY_TYPED, typedChar, KeyCode.UNDEFINED);
                    fire(target, KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, code);
                    event.character = c == '\n' ? "\\n" : typedChar;
                    event.commit();
                    return System.nanoTime() - start;
                  })
              .get();
      longestKey = Math.max(longestKey, handled);
      Thread.sleep(intervalMs);
    }
    return longestKey;
  }

  /** A JFR event around one key's handling, for {@link PauseAttribution}. */
  @Name(KeyHandled.NAME)
  @Label("Key handled")
  static final class KeyHandled extends jdk.jfr.Event {
    static final String NAME = "dev.musket.test.KeyHandled";

    @Label("Character")
    String character;
  }

  private static void fire(Node target, EventType<KeyEvent> type, String character, KeyCode code) {
    String name = code == KeyCode.UNDEFINED ? "" : code.getName();
    Event.fireEvent(target, new KeyEvent(type, character, name, code, false, false, false, false));
  }
}
