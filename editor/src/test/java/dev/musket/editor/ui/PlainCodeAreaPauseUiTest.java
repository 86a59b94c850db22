package dev.musket.editor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.editor.demo.SampleConfigs;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.framework.junit5.ApplicationTest;

/**
 * The baseline for {@link TypingPauseUiTest}: the same typing into a bare RichTextFX CodeArea with
 * line numbers and no highlighting or editor parts, so the editor's own cost can be told apart from
 * the machine's (a shared 2-core box) and from RichTextFX's.
 */
class PlainCodeAreaPauseUiTest extends ApplicationTest {

  private static final Logger LOG = LoggerFactory.getLogger(PlainCodeAreaPauseUiTest.class);
  private CodeArea area;

  @Override
  public void start(Stage stage) {
    area = new CodeArea(SampleConfigs.large(1000));
    area.setParagraphGraphicFactory(LineNumberFactory.get(area));
    stage.setScene(new Scene(new VirtualizedScrollPane<>(area), 800, 500));
    stage.show();
  }

  @Test
  void aBareCodeAreaTypesTheSameTextAsTheBaseline() throws Exception {
    interact(
        () -> {
          area.moveTo(area.getLength());
          area.requestFollowCaret();
        });
    String before = area.getText();
    KeyTyper.type(area, TypingSession.WARM_UP, TypingSession.KEY_INTERVAL_MS);
    interact(
        () -> area.deleteText(area.getLength() - TypingSession.WARM_UP.length(), area.getLength()));

    for (String session : new String[] {"first", "second"}) {
      TypingSession.Report report = TypingSession.run(area, "plain-" + session);
      LOG.info(
          "FX pause baseline (plain CodeArea, same typing, {} session): {}{}",
          session,
          report.describe(),
          report.details());
      assertThat(area.getText()).isEqualTo(before + TypingSession.text());
      assertThat(report.longestMs()).isLessThan(1000.0);
      interact(() -> area.deleteText(before.length(), area.getLength()));
    }
  }
}
