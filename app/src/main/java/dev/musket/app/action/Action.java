package dev.musket.app.action;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.input.KeyCombination;

/**
 * One command of the workbench: what the menu bar, the toolbar, context menus and shortcuts all
 * show and run. Built with {@link #builder(String, String)}; immutable once built.
 *
 * <p>Why one object per command: a menu item, a toolbar button and a context-menu entry for the
 * same command must agree on text, shortcut and whether it can run now ({@link #enabled()}, a
 * binding to the workbench state), so they are all generated from this.
 *
 * @param id stable id, {@code group.name}, e.g. {@code file.save}; features look actions up by it
 * @param text the label; a trailing "…" means it asks for more before acting
 * @param menu the menu it appears in
 * @param shortcut the accelerator, or null
 * @param graphic makes a fresh icon node for each place it is shown (a node has one parent), or
 *     null
 * @param enabled whether it can run now
 * @param selected for an on/off action (shown as a check item), its state; else null
 * @param children for a submenu (e.g. Open recent), its entries; else null
 * @param toolbar whether the toolbar shows it
 * @param handler what it does; runs on the FX thread
 */
public record Action(
    String id,
    String text,
    MenuGroup menu,
    KeyCombination shortcut,
    Supplier<Node> graphic,
    ObservableBooleanValue enabled,
    BooleanProperty selected,
    ObservableList<Action> children,
    boolean toolbar,
    Runnable handler) {

  public Action {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(menu, "menu");
    Objects.requireNonNull(enabled, "enabled");
    Objects.requireNonNull(handler, "handler");
  }

  public static Builder builder(String id, String text) {
    return new Builder(id, text);
  }

  /** Runs the handler if the action is enabled; returns whether it ran. */
  public boolean execute() {
    if (!enabled.get()) {
      return false;
    }
    handler.run();
    return true;
  }

  public boolean isSubmenu() {
    return children != null;
  }

  /** Fills in an {@link Action}; only id, text and handler are required. */
  public static final class Builder {
    private final String id;
    private final String text;
    private MenuGroup menu;
    private KeyCombination shortcut;
    private Supplier<Node> graphic;
    private ObservableBooleanValue enabled = Bindings.createBooleanBinding(() -> true);
    private BooleanProperty selected;
    private ObservableList<Action> children;
    private boolean toolbar;
    private Runnable handler = () -> {};

    private Builder(String id, String text) {
      this.id = id;
      this.text = text;
      this.menu = MenuGroup.FILE;
    }

    public Builder menu(MenuGroup value) {
      this.menu = value;
      return this;
    }

    /** E.g. {@code "Shortcut+S"}: Ctrl on Linux and Windows, Cmd on macOS. */
    public Builder shortcut(String value) {
      this.shortcut = KeyCombination.keyCombination(value);
      return this;
    }

    public Builder shortcut(KeyCombination value) {
      this.shortcut = value;
      return this;
    }

    public Builder graphic(Supplier<Node> value) {
      this.graphic = value;
      return this;
    }

    public Builder enabled(ObservableBooleanValue value) {
      this.enabled = value;
      return this;
    }

    public Builder selected(BooleanProperty value) {
      this.selected = value;
      return this;
    }

    public Builder children(ObservableList<Action> value) {
      this.children = value;
      return this;
    }

    public Builder toolbar() {
      this.toolbar = true;
      return this;
    }

    public Builder handler(Runnable value) {
      this.handler = value;
      return this;
    }

    public Action build() {
      return new Action(
          id, text, menu, shortcut, graphic, enabled, selected, children, toolbar, handler);
    }
  }
}
