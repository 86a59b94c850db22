package dev.musket.app.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.input.KeyCombination;

/**
 * Every action of the workbench, in registration order. The menu bar and toolbar are generated from
 * it and follow later registrations, so a feature adds its commands with one {@link #register}
 * call, whenever it is wired in.
 */
public final class ActionRegistry {

  private final ObservableList<Action> actions = FXCollections.observableArrayList();
  // one view, kept: a fresh unmodifiable wrapper per call would hold its listeners only weakly
  private final ObservableList<Action> readOnly = FXCollections.unmodifiableObservableList(actions);

  /**
   * Adds an action. Ids are unique, and so are shortcuts: a second action on Ctrl+R would make one
   * of them silently unreachable, so it fails here instead.
   */
  public Action register(Action action) {
    if (find(action.id()).isPresent()) {
      throw new IllegalArgumentException("an action '" + action.id() + "' is already registered");
    }
    KeyCombination key = action.shortcut();
    if (key != null) {
      for (Action other : actions) {
        if (key.equals(other.shortcut())) {
          throw new IllegalArgumentException(
              "shortcut "
                  + key.getDisplayText()
                  + " of '"
                  + action.id()
                  + "' is already taken by '"
                  + other.id()
                  + "'");
        }
      }
    }
    actions.add(action);
    return action;
  }

  public Optional<Action> find(String id) {
    return actions.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  public Action get(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException("no action '" + id + "'"));
  }

  /** Runs the action if it is enabled; returns whether it ran. */
  public boolean execute(String id) {
    return get(id).execute();
  }

  /** All actions, live, in registration order. */
  public ObservableList<Action> all() {
    return readOnly;
  }

  /** The actions of one menu, in registration order. */
  public List<Action> inMenu(MenuGroup menu) {
    List<Action> out = new ArrayList<>();
    for (Action a : actions) {
      if (a.menu() == menu) {
        out.add(a);
      }
    }
    return out;
  }

  /** The actions the toolbar shows, in registration order. */
  public List<Action> onToolbar() {
    return actions.stream().filter(Action::toolbar).toList();
  }
}
