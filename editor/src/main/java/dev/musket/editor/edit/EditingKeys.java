package dev.musket.editor.edit;

import static org.fxmisc.wellbehaved.event.EventPattern.keyPressed;
import static org.fxmisc.wellbehaved.event.InputMap.consume;
import static org.fxmisc.wellbehaved.event.InputMap.sequence;

import dev.musket.editor.EditorComponent;
import dev.musket.editor.YamlEditor;
import dev.musket.editor.document.LineIndex;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.wellbehaved.event.InputMap;
import org.fxmisc.wellbehaved.event.Nodes;

/**
 * The YAML-friendly editing keys: Enter keeps (or deepens) the indentation, Tab inserts two spaces
 * (YAML forbids tab characters), Shift+Tab removes two, Ctrl+/ toggles comments.
 */
public final class EditingKeys implements EditorComponent {

  private InputMap<KeyEvent> keys;

  @Override
  public void install(YamlEditor editor) {
    CodeArea area = editor.codeArea();
    keys =
        sequence(
            consume(keyPressed(KeyCode.ENTER), e -> newLine(area)),
            consume(keyPressed(KeyCode.TAB), e -> indent(area)),
            consume(keyPressed(KeyCode.TAB, KeyCombination.SHIFT_DOWN), e -> outdent(area)),
            consume(
                keyPressed(KeyCode.SLASH, KeyCombination.SHORTCUT_DOWN), e -> toggleComment(area)),
            consume(
                keyPressed(KeyCode.DIVIDE, KeyCombination.SHORTCUT_DOWN),
                e -> toggleComment(area)));
    Nodes.addInputMap(area, keys);
  }

  @Override
  public void uninstall(YamlEditor editor) {
    Nodes.removeInputMap(editor.codeArea(), keys);
  }

  /** Breaks the line at the caret and indents the new line as {@link AutoIndent} says. */
  public static void newLine(CodeArea area) {
    String lineBefore =
        area.getText(area.getCurrentParagraph()).substring(0, area.getCaretColumn());
    area.replaceSelection("\n" + AutoIndent.after(lineBefore));
    area.requestFollowCaret();
  }

  /** Inserts two spaces at the caret, or indents every selected line by two. */
  public static void indent(CodeArea area) {
    if (area.getSelection().getLength() == 0) {
      area.replaceSelection(" ".repeat(AutoIndent.STEP));
      return;
    }
    shiftSelectedLines(area, true);
  }

  /** Removes up to two leading spaces from the caret line or every selected line. */
  public static void outdent(CodeArea area) {
    shiftSelectedLines(area, false);
  }

  /** Comments or uncomments the caret line or the selected lines. */
  public static void toggleComment(CodeArea area) {
    int caret = area.getCaretPosition();
    TextEdit edit =
        CommentToggle.toggle(
            area.getText(), area.getSelection().getStart(), area.getSelection().getEnd());
    boolean hadSelection = area.getSelection().getLength() > 0;
    area.replaceText(edit.start(), edit.end(), edit.replacement());
    if (hadSelection) {
      area.selectRange(edit.start(), edit.start() + edit.replacement().length());
    } else {
      int delta = edit.replacement().length() - (edit.end() - edit.start());
      area.moveTo(Math.max(edit.start(), Math.min(caret + delta, area.getLength())));
    }
  }

  private static void shiftSelectedLines(CodeArea area, boolean right) {
    String text = area.getText();
    LineIndex lines = LineIndex.of(text);
    int first = lines.lineOf(area.getSelection().getStart());
    int last = lines.lineOf(area.getSelection().getEnd());
    if (last > first && area.getSelection().getEnd() == lines.lineStart(last)) {
      last--;
    }
    int start = lines.lineStart(first);
    int end = lines.lineEnd(last);
    StringBuilder out = new StringBuilder();
    String[] block = text.substring(start, end).split("\n", -1);
    for (int i = 0; i < block.length; i++) {
      if (i > 0) {
        out.append('\n');
      }
      out.append(right ? " ".repeat(AutoIndent.STEP) + block[i] : stripIndent(block[i]));
    }
    area.replaceText(start, end, out.toString());
    area.selectRange(start, start + out.length());
  }

  private static String stripIndent(String line) {
    int spaces = 0;
    while (spaces < AutoIndent.STEP && spaces < line.length() && line.charAt(spaces) == ' ') {
      spaces++;
    }
    return line.substring(spaces);
  }
}
