package dev.musket.app.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

class ActionRegistryTest {

  private final ActionRegistry registry = new ActionRegistry();

  @Test
  void groupsActionsByMenuInRegistrationOrder() {
    registry.register(Action.builder("file.open", "Open").build());
    registry.register(Action.builder("run.fit", "Fit").menu(MenuGroup.RUN).toolbar().build());
    registry.register(Action.builder("file.save", "Save").toolbar().build());

    assertThat(registry.inMenu(MenuGroup.FILE))
        .extracting(Action::id)
        .containsExactly("file.open", "file.save");
    assertThat(registry.inMenu(MenuGroup.RUN)).extracting(Action::id).containsExactly("run.fit");
    assertThat(registry.onToolbar()).extracting(Action::id).containsExactly("run.fit", "file.save");
  }

  @Test
  void refusesADuplicateIdOrATakenShortcutNamingBoth() {
    registry.register(Action.builder("run.fit", "Fit").shortcut("Shortcut+R").build());

    assertThatThrownBy(() -> registry.register(Action.builder("run.fit", "Again").build()))
        .hasMessageContaining("'run.fit' is already registered");
    assertThatThrownBy(
            () ->
                registry.register(
                    Action.builder("run.lrFinder", "LR").shortcut("Shortcut+R").build()))
        .hasMessageContaining("'run.lrFinder'")
        .hasMessageContaining("already taken by 'run.fit'");
  }

  @Test
  void executesOnlyWhenEnabled() {
    List<String> ran = new ArrayList<>();
    SimpleBooleanProperty enabled = new SimpleBooleanProperty(false);
    registry.register(
        Action.builder("file.save", "Save")
            .enabled(enabled)
            .handler(() -> ran.add("saved"))
            .build());

    assertThat(registry.execute("file.save")).isFalse();
    enabled.set(true);
    assertThat(registry.execute("file.save")).isTrue();
    assertThat(ran).containsExactly("saved");
  }

  @Test
  void anUnknownIdIsAClearError() {
    assertThatThrownBy(() -> registry.get("nope")).hasMessage("no action 'nope'");
  }
}
