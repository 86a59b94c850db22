package dev.musket.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.train.FitOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The launch dialog in a real window: bad input is explained and blocks Launch. */
@Timeout(60)
class LaunchDialogTest {

  final FxRobot robot = new FxRobot();

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @AfterEach
  void close() throws Exception {
    FxToolkit.cleanupStages();
  }

  @Test
  void badFoldsAreExplainedAndFixingThemLaunchesWithThoseFolds() throws Exception {
    LaunchOptionsViewModel model = new LaunchOptionsViewModel("exp", 3, false);
    AtomicReference<LaunchDialog> dialog = new AtomicReference<>();
    AtomicReference<Optional<FitOptions>> result = new AtomicReference<>();
    robot.interact(
        () -> {
          dialog.set(new LaunchDialog(model));
          dialog.get().setOnHidden(e -> result.set(Optional.ofNullable(dialog.get().getResult())));
          dialog.get().show();
        });

    assertThat(robot.lookup(".launch-gpus").queryAs(TextField.class).isDisabled()).isTrue();
    robot.clickOn("All folds");
    robot.clickOn(".launch-folds").write("0,5");
    robot.clickOn(".launch-time-limit").write("10m");
    WaitForAsyncUtils.waitForFxEvents();
    Button launch = (Button) dialog.get().getDialogPane().lookupButton(LaunchDialog.LAUNCH);
    assertThat(launch.isDisabled()).isTrue();
    assertThat(robot.lookup(".launch-problems").queryAs(Label.class).getText())
        .isEqualTo("Folds: fold 5 does not exist; this experiment has folds 0..2");

    robot.doubleClickOn(".launch-folds").write("0,2");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(launch.isDisabled()).isFalse();
    robot.clickOn(launch);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> result.get() != null);

    assertThat(result.get())
        .contains(
            new FitOptions(
                false,
                false,
                List.of(0, 2),
                Duration.ofMinutes(10),
                Runtime.getRuntime().availableProcessors()));
  }
}
