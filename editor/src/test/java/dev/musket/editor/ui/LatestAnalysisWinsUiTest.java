package dev.musket.editor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.editor.YamlEditor;
import dev.musket.editor.analysis.Analysis;
import dev.musket.editor.diagnostics.DiagnosticsProvider;
import dev.musket.editor.diagnostics.Problem;
import dev.musket.editor.diagnostics.ProblemLevel;
import dev.musket.editor.schema.TinySchema;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A slow validation of an old text must never overwrite the result for a newer one: the editor runs
 * analyses on a two-thread pool here so a later request can finish first.
 */
class LatestAnalysisWinsUiTest extends ApplicationTest {

  private final CountDownLatch releaseSlow = new CountDownLatch(1);
  private final CountDownLatch slowStarted = new CountDownLatch(1);
  private final List<String> appliedTexts = new CopyOnWriteArrayList<>();
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private YamlEditor editor;

  /** Reports one problem naming the text; blocks on the text "slow: 1" until released. */
  private final DiagnosticsProvider diagnostics =
      text -> {
        if (text.equals("slow: 1")) {
          slowStarted.countDown();
          try {
            releaseSlow.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return List.of(new Problem(1, 1, ProblemLevel.INFO, "checked " + text));
      };

  @Override
  public void start(Stage stage) {
    editor = new YamlEditor(TinySchema.create(), diagnostics, pool);
    editor
        .lastAnalysisProperty()
        .addListener((obs, old, analysis) -> appliedTexts.add(analysis.text()));
    stage.setScene(new Scene(editor, 600, 300));
    stage.show();
  }

  @AfterEach
  void tearDown() {
    releaseSlow.countDown();
    interact(editor::dispose);
    pool.shutdownNow();
  }

  @Test
  void aSlowResultForAnOlderTextIsDropped() throws Exception {
    interact(() -> editor.setText("slow: 1"));
    assertThat(slowStarted.await(5, TimeUnit.SECONDS)).isTrue();
    interact(() -> editor.setText("fast: 2"));
    waitFor(() -> appliedTexts.contains("fast: 2"));

    releaseSlow.countDown();
    Thread.sleep(300);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(appliedTexts).containsExactly("fast: 2");
    assertThat(editor.getProblems())
        .extracting(Problem::message)
        .containsExactly("checked fast: 2");
    Analysis last = editor.lastAnalysisProperty().get();
    assertThat(last.text()).isEqualTo(editor.getText());
  }

  private static void waitFor(java.util.function.BooleanSupplier condition)
      throws TimeoutException {
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition::getAsBoolean);
  }
}
