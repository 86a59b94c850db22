package dev.musket.app.action;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;

/**
 * Turns registered {@link Action}s into controls: the menu bar, the toolbar, context menus. The
 * menu bar and toolbar rebuild themselves when actions are registered later, so features wired in
 * after the window exists still appear.
 */
public final class ActionControls {

  /** Style class of generated menu items and buttons; their id is the action's id. */
  public static final String ACTION_STYLE = "workbench-action";

  private ActionControls() {}

  public static MenuBar menuBar(ActionRegistry registry) {
    MenuBar bar = new MenuBar();
    bar.getStyleClass().add("workbench-menu-bar");
    Runnable rebuild =
        () -> {
          bar.getMenus().clear();
          for (MenuGroup group : MenuGroup.values()) {
            Menu menu = new Menu(group.text());
            menu.setId("menu-" + group.name().toLowerCase(java.util.Locale.ROOT));
            registry.inMenu(group).forEach(a -> menu.getItems().add(menuItem(a)));
            bar.getMenus().add(menu);
          }
        };
    rebuild.run();
    registry.all().addListener((ListChangeListener<Action>) c -> rebuild.run());
    return bar;
  }

  public static ToolBar toolBar(ActionRegistry registry) {
    ToolBar bar = new ToolBar();
    bar.getStyleClass().add("workbench-tool-bar");
    Runnable rebuild =
        () ->
            bar.getItems()
                .setAll(registry.onToolbar().stream().map(ActionControls::button).toList());
    rebuild.run();
    registry.all().addListener((ListChangeListener<Action>) c -> rebuild.run());
    return bar;
  }

  public static ContextMenu contextMenu(List<Action> actions) {
    ContextMenu menu = new ContextMenu();
    actions.forEach(a -> menu.getItems().add(menuItem(a)));
    return menu;
  }

  public static MenuItem menuItem(Action action) {
    MenuItem item;
    if (action.isSubmenu()) {
      Menu sub = new Menu(action.text());
      Runnable fill =
          () ->
              sub.getItems()
                  .setAll(action.children().stream().map(ActionControls::menuItem).toList());
      fill.run();
      // held weakly by the list and strongly by the menu: a menu bar rebuilt after a later
      // registration lets its old submenus go
      ListChangeListener<Action> refill = c -> fill.run();
      sub.getProperties().put(ListChangeListener.class, refill);
      action.children().addListener(new WeakListChangeListener<>(refill));
      item = sub;
    } else if (action.selected() != null) {
      CheckMenuItem check = new CheckMenuItem(action.text());
      check.selectedProperty().bindBidirectional(action.selected());
      item = check;
    } else {
      item = new MenuItem(action.text());
      item.setOnAction(e -> action.execute());
    }
    item.setId(action.id());
    item.getStyleClass().add(ACTION_STYLE);
    item.setAccelerator(action.shortcut());
    if (action.graphic() != null) {
      item.setGraphic(action.graphic().get());
    }
    item.disableProperty().bind(javafx.beans.binding.Bindings.not(action.enabled()));
    return item;
  }

  public static Button button(Action action) {
    Button button = new Button();
    if (action.graphic() != null) {
      button.setGraphic(action.graphic().get());
    } else {
      button.setText(action.text().replace("…", ""));
    }
    String tip =
        action.shortcut() == null
            ? action.text()
            : action.text() + " (" + action.shortcut().getDisplayText() + ")";
    button.setTooltip(new Tooltip(tip));
    button.setId("tool-" + action.id());
    button.getStyleClass().add(ACTION_STYLE);
    button.setFocusTraversable(false);
    button.disableProperty().bind(javafx.beans.binding.Bindings.not(action.enabled()));
    button.setOnAction(e -> action.execute());
    return button;
  }
}
