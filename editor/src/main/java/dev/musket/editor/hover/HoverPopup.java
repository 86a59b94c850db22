package dev.musket.editor.hover;

import dev.musket.editor.EditorComponent;
import dev.musket.editor.YamlEditor;
import java.time.Duration;
import javafx.event.EventHandler;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.event.MouseOverTextEvent;

/**
 * Shows problems and documentation when the mouse rests on text: the problem messages, then the
 * schema doc of the key or value under the mouse.
 */
public final class HoverPopup implements EditorComponent {

  /** Style class of the popup's content. */
  public static final String STYLE_CLASS = "hover-doc";

  /** How long the mouse must rest before the popup shows. */
  public static final Duration DELAY = Duration.ofMillis(400);

  private final Popup popup = new Popup();
  private final Label problems = new Label();
  private final Label title = new Label();
  private final Label doc = new Label();
  private EventHandler<MouseOverTextEvent> onBegin;
  private EventHandler<MouseOverTextEvent> onEnd;

  /** A hover popup, not yet installed. */
  public HoverPopup() {
    problems.getStyleClass().add("hover-problems");
    title.getStyleClass().add("hover-title");
    doc.getStyleClass().add("hover-text");
    for (Label label : new Label[] {problems, title, doc}) {
      label.setWrapText(true);
      label.setMaxWidth(420);
      label.managedProperty().bind(label.textProperty().isNotEmpty());
      label.visibleProperty().bind(label.managedProperty());
    }
    VBox box = new VBox(4, problems, title, doc);
    box.getStyleClass().add(STYLE_CLASS);
    popup.getContent().add(box);
    popup.setAutoHide(true);
  }

  @Override
  public void install(YamlEditor editor) {
    CodeArea area = editor.codeArea();
    HoverDocs docs = new HoverDocs(editor.schema());
    box().getStylesheets().setAll(editor.getStylesheets());
    area.setMouseOverTextDelay(DELAY);
    onBegin =
        e -> {
          HoverContent content =
              docs.at(area.getText(), e.getCharacterIndex(), editor.problemRangesProperty().get());
          if (!content.isEmpty()) {
            show(area, content, e.getScreenPosition());
          }
        };
    onEnd = e -> popup.hide();
    area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, onBegin);
    area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, onEnd);
  }

  @Override
  public void uninstall(YamlEditor editor) {
    CodeArea area = editor.codeArea();
    area.removeEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, onBegin);
    area.removeEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, onEnd);
    area.setMouseOverTextDelay(null);
    popup.hide();
  }

  private VBox box() {
    return (VBox) popup.getContent().get(0);
  }

  private void show(CodeArea area, HoverContent content, Point2D at) {
    problems.setText(String.join("\n", content.problems()));
    title.setText(content.title());
    doc.setText(content.doc());
    popup.show(area, at.getX() + 8, at.getY() + 12);
  }
}
