package dev.musket.app.editors;

import dev.musket.engine.config.validate.ProjectNames;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The names the open config's project code defines (dataset factories, architectures, losses,
 * metrics, callbacks), as the last validation found them: validation runs in the background after
 * each pause in typing and compiles the modules when they changed; completion (on the editor's
 * background thread after a typing pause, on the FX thread for Ctrl+Space) must only read, never
 * compile. While the modules do not compile, the last good names stay.
 */
final class ProjectNamesCache {

  private final AtomicReference<ProjectNames> names =
      new AtomicReference<>(ProjectNames.standalone());

  ProjectNames get() {
    return names.get();
  }

  /** Takes the names of a validation; those of a project whose modules failed are skipped. */
  void update(ProjectNames latest) {
    if (latest.inProject()) {
      names.set(latest);
    }
  }
}
