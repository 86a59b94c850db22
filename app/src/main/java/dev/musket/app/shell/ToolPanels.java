package dev.musket.app.shell;

import dev.musket.app.action.Action;
import dev.musket.app.action.ActionRegistry;
import dev.musket.app.action.MenuGroup;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The two tool areas: a tab pane under the editors (console first) and one on the right, which
 * takes space in the window only once a panel is added to it.
 */
final class ToolPanels {

  private final ActionRegistry actions;
  private final TabPane bottom = area("tool-area-bottom");
  private final TabPane right = area("tool-area-right");
  private final Map<String, Tab> tabs = new LinkedHashMap<>();
  private SplitPane main;

  ToolPanels(ActionRegistry actions) {
    this.actions = actions;
    right.getTabs().addListener((ListChangeListener<Tab>) c -> placeRight());
  }

  private static TabPane area(String styleClass) {
    TabPane pane = new TabPane();
    pane.getStyleClass().addAll("tool-area", styleClass);
    pane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    return pane;
  }

  TabPane bottom() {
    return bottom;
  }

  TabPane right() {
    return right;
  }

  /** The split pane the right-hand area joins as its last item when it has panels. */
  void attachRight(SplitPane split) {
    this.main = split;
    placeRight();
  }

  void add(String id, String title, Node view, ToolArea area) {
    if (tabs.containsKey(id)) {
      throw new IllegalArgumentException("a tool panel '" + id + "' exists already");
    }
    Tab tab = new Tab(title, view);
    tab.setId("panel-" + id);
    tabs.put(id, tab);
    (area == ToolArea.RIGHT ? right : bottom).getTabs().add(tab);
    String actionId = "view." + id;
    if (actions.find(actionId).isEmpty()) {
      actions.register(
          Action.builder(actionId, title).menu(MenuGroup.VIEW).handler(() -> show(id)).build());
    }
  }

  void show(String id) {
    Tab tab = tabs.get(id);
    if (tab == null) {
      throw new IllegalArgumentException("no tool panel '" + id + "'; known: " + tabs.keySet());
    }
    tab.getTabPane().getSelectionModel().select(tab);
  }

  private void placeRight() {
    if (main == null) {
      return;
    }
    boolean shown = main.getItems().contains(right);
    if (!right.getTabs().isEmpty() && !shown) {
      main.getItems().add(right);
      main.setDividerPosition(main.getItems().size() - 2, 0.56);
    } else if (right.getTabs().isEmpty() && shown) {
      main.getItems().remove(right);
    }
  }
}
