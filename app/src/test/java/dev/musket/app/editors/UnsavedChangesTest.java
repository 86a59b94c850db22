package dev.musket.app.editors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.app.dialog.UnsavedDecision;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnsavedChangesTest {

  private final List<String> saved = new ArrayList<>();
  private final List<String> asked = new ArrayList<>();

  private UnsavedChanges.Document doc(String name, boolean dirty, boolean failsToSave) {
    return new UnsavedChanges.Document() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean isDirty() {
        return dirty;
      }

      @Override
      public void save() throws IOException {
        if (failsToSave) {
          throw new IOException("disk full");
        }
        saved.add(name);
      }
    };
  }

  private boolean resolve(Map<String, UnsavedDecision> answers, UnsavedChanges.Document... docs) {
    return UnsavedChanges.resolve(
        List.of(docs),
        d -> {
          asked.add(d.name());
          return answers.get(d.name());
        },
        (d, e) -> asked.add("failed " + d.name() + ": " + e.getMessage()));
  }

  @Test
  void cleanDocumentsCloseWithoutAQuestion() {
    assertThat(resolve(Map.of(), doc("a", false, false))).isTrue();
    assertThat(asked).isEmpty();
  }

  @Test
  void saveSavesAndDiscardDoesNotAndBothLetItClose() {
    boolean close =
        resolve(
            Map.of("a", UnsavedDecision.SAVE, "b", UnsavedDecision.DISCARD),
            doc("a", true, false),
            doc("b", true, false));
    assertThat(close).isTrue();
    assertThat(saved).containsExactly("a");
    assertThat(asked).containsExactly("a", "b");
  }

  @Test
  void cancelStopsAtOnceAndKeepsEverythingOpen() {
    boolean close =
        resolve(
            Map.of("a", UnsavedDecision.CANCEL, "b", UnsavedDecision.SAVE),
            doc("a", true, false),
            doc("b", true, false));
    assertThat(close).isFalse();
    assertThat(asked).containsExactly("a");
    assertThat(saved).isEmpty();
  }

  @Test
  void aFailedSaveKeepsItOpenAndSaysWhy() {
    boolean close = resolve(Map.of("a", UnsavedDecision.SAVE), doc("a", true, true));
    assertThat(close).isFalse();
    assertThat(asked).containsExactly("a", "failed a: disk full");
  }
}
