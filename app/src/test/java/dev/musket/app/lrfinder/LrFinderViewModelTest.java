package dev.musket.app.lrfinder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.DirectTaskExecutor;
import dev.musket.engine.events.TrainingCancelledException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LrFinderViewModelTest {

  private final Path project = Path.of("/projects/flowers");
  private final WorkbenchState state = new WorkbenchState();
  private final DirectTaskExecutor executor = new DirectTaskExecutor();
  private final FakeEngine engine = new FakeEngine();
  private final FakeOpenConfig config =
      new FakeOpenConfig(
          project.resolve("experiments/baseline/config.yaml"),
          "optimizer: Adam\nlr: 0.001\nstages:\n  - epochs: 2\n    lr: 0.5\n");
  private LrFinderViewModel model;

  @BeforeEach
  void open() {
    state.projectProperty().set(project);
    state.activeConfigProperty().set(config);
    model = new LrFinderViewModel(state, executor, engine);
  }

  @Test
  void runsOnTheActiveEditorsTextAndShowsTheSuggestion() {
    config.text.set(config.text.get() + "batch: 8\n"); // unsaved
    model.startLrProperty().set("1e-5");
    model.endLrProperty().set("100");
    model.epochsProperty().set(2);

    model.run();

    assertThat(engine.seenText).endsWith("batch: 8\n");
    assertThat(engine.seenSettings.startLr()).isEqualTo(1e-5);
    assertThat(engine.seenSettings.endLr()).isEqualTo(100);
    assertThat(engine.seenSettings.epochs()).isEqualTo(2);
    assertThat(model.points()).hasSize(60);
    assertThat(model.runningProperty().get()).isFalse();
    assertThat(model.progressProperty().get()).isEqualTo(1.0);
    assertThat(model.suggestionProperty().get()).isNotNull();
    assertThat(Math.log10(model.suggestionProperty().get().lr())).isBetween(-2.5, -1.5);
    assertThat(model.statusProperty().get()).startsWith("Suggested lr 0.0");
    assertThat(model.canApplyProperty().get()).isTrue();
    assertThat(state.log()).anyMatch(l -> l.message().startsWith("Suggested lr"));
  }

  @Test
  void theFieldsStartWithTheEnginesDefaults() {
    model.run();

    assertThat(engine.seenSettings)
        .isEqualTo(dev.musket.engine.train.lrfinder.LrFinderSettings.defaults());
  }

  @Test
  void pointsReachTheListInBatchesOnThePulseNotOnePerBatch() {
    List<Integer> sizesSeenPerPulse = new ArrayList<>();
    engine.afterBatch =
        b -> {
          if (b % 20 == 19) {
            executor.tick();
            sizesSeenPerPulse.add(model.points().size());
          }
        };
    List<Integer> changeSizes = new ArrayList<>();
    model
        .points()
        .addListener(
            (javafx.collections.ListChangeListener<Object>)
                c -> {
                  while (c.next()) {
                    changeSizes.add(c.getAddedSize());
                  }
                });

    model.run();

    assertThat(sizesSeenPerPulse).containsExactly(20, 40, 60);
    assertThat(changeSizes).containsExactly(20, 20, 20);
    assertThat(model.progressProperty().get()).isEqualTo(1.0);
  }

  @Test
  void applyWritesTheSuggestedLrIntoTheTopLevelKeyAsOneEdit() {
    model.run();
    double lr = model.suggestionProperty().get().lr();

    model.applyToConfig();

    assertThat(config.edits).hasSize(1);
    assertThat(config.text.get())
        .isEqualTo(
            "optimizer: Adam\nlr: "
                + LrConfigEdit.format(lr)
                + "\nstages:\n  - epochs: 2\n    lr: 0.5\n");
  }

  @Test
  void cancellingStopsTheSweepAndKeepsThePointsSoFar() {
    engine.afterBatch =
        b -> {
          if (b == 9) {
            model.cancel();
          }
        };

    model.run();

    assertThat(model.points()).hasSize(10);
    assertThat(model.runningProperty().get()).isFalse();
    assertThat(model.suggestionProperty().get()).isNull();
    assertThat(model.statusProperty().get()).isEqualTo("Cancelled after 10 batches");
    assertThat(model.canRunProperty().get()).isTrue();
  }

  @Test
  void aBadStartLrIsAClearMessageAndNothingRuns() {
    model.startLrProperty().set("fast");

    model.run();

    assertThat(engine.seenText).isNull();
    assertThat(model.failedProperty().get()).isTrue();
    assertThat(model.statusProperty().get()).contains("start lr must be a number").contains("fast");
  }

  @Test
  void aFileThatIsNoExperimentsConfigIsRefusedWithAMessage() {
    state
        .activeConfigProperty()
        .set(new FakeOpenConfig(project.resolve("common.yaml"), "batch: 4\n"));

    model.run();

    assertThat(engine.seenText).isNull();
    assertThat(model.failedProperty().get()).isTrue();
    assertThat(model.statusProperty().get()).contains("experiments/<name>/config.yaml");
  }

  @Test
  void anEngineErrorIsShownNotThrown() {
    LrFinderViewModel failing =
        new LrFinderViewModel(
            state,
            executor,
            (p, f, t, s, l, token) -> {
              throw new IllegalArgumentException(
                  "the data has errors:\nconfig.yaml:9:3: no such folder data/x");
            });

    failing.run();

    assertThat(failing.failedProperty().get()).isTrue();
    assertThat(failing.statusProperty().get()).contains("no such folder data/x");
    assertThat(failing.runningProperty().get()).isFalse();
    assertThat(state.log()).anyMatch(l -> l.message().contains("no such folder"));
  }

  @Test
  void cannotRunWithoutAConfigInTheEditorNorApplyWithoutASuggestion() {
    assertThat(model.canApplyProperty().get()).isFalse();
    state.activeConfigProperty().set(null);
    assertThat(model.canRunProperty().get()).isFalse();
  }

  @Test
  void aLateResultOfACancelledRunIsDropped() {
    engine.afterBatch =
        b -> {
          if (b == 2) {
            model.cancel();
            throw new TrainingCancelledException("cancelled by the user");
          }
        };

    model.run();

    assertThat(model.failedProperty().get()).isFalse();
    assertThat(model.statusProperty().get()).startsWith("Cancelled");
  }
}
