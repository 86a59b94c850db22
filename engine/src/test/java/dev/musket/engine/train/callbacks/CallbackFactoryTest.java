package dev.musket.engine.train.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.musket.engine.config.ComponentSpec;
import dev.musket.engine.config.ExperimentConfig;
import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.config.TrainingSpec;
import dev.musket.engine.config.schema.Schema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallbackFactoryTest {

  private static final String CONFIG =
      """
      #%Musket Classification 1.0
      architecture: ResNet18
      classes: 1
      activation: sigmoid
      shape: [32, 32, 3]
      optimizer: Adam
      loss: binary_crossentropy
      metrics: [binary_accuracy]
      primary_metric: val_binary_accuracy
      callbacks:
        EarlyStopping: {patience: 3, monitor: val_loss}
        ReduceLROnPlateau: {patience: 2, factor: 0.5, monitor: val_loss}
      stages:
        - epochs: 2
        - epochs: 2
          callbacks:
            CyclicLR: {base_lr: 0.001, max_lr: 0.01, step_size: 4, mode: triangular2}
        - epochs: 2
          extra_callbacks:
            LRVariator:
              absSize: 100
              toVal: 0.002
              style: 2
              then:
                LRVariator:
                  relSize: 0.001
                  toVal: 0.001
                  style: 0.5
                  then:
                    ReduceLROnPlateau:
                      patience: 8
                      factor: 0.5
                      monitor: val_binary_accuracy
                      mode: auto
                      cooldown: 5
        - epochs: 1
          callbacks:
            TerminateOnNaN:
      """;

  private static TrainingSpec training() {
    ExperimentLoader.Loaded loaded = new ExperimentLoader().loadText(CONFIG, null);
    assertThat(loaded.diagnostics()).filteredOn(d -> d.isError()).isEmpty();
    ExperimentConfig cfg = loaded.config().orElseThrow();
    return cfg.training();
  }

  private static List<String> names(List<TrainingCallback> cbs) {
    return cbs.stream().map(TrainingCallback::name).toList();
  }

  @Test
  void aStageWithoutItsOwnCallbacksUsesTheGlobalOnes() {
    TrainingSpec t = training();
    var cbs = new CallbackFactory().forStage(t.callbacks(), t.stages().get(0));

    assertThat(names(cbs)).containsExactly("EarlyStopping", "ReduceLROnPlateau");
  }

  @Test
  void aStagesCallbacksReplaceTheGlobalOnes() {
    TrainingSpec t = training();
    var cbs = new CallbackFactory().forStage(t.callbacks(), t.stages().get(1));

    assertThat(names(cbs)).containsExactly("CyclicLR");
    assertThat(((CyclicLR) cbs.get(0)).rateAt(4 + 2)).isCloseTo(0.001 + 0.009 * 0.5, within(1e-12));
  }

  @Test
  void extraCallbacksAreAddedAfterTheGlobalOnes() {
    TrainingSpec t = training();
    var cbs = new CallbackFactory().forStage(t.callbacks(), t.stages().get(2));

    assertThat(names(cbs)).containsExactly("EarlyStopping", "ReduceLROnPlateau", "LRVariator");
    LRVariator v = (LRVariator) cbs.get(2);
    assertThat(v.then()).isInstanceOf(LRVariator.class);
    assertThat(((LRVariator) v.then()).then()).isInstanceOf(ReduceLROnPlateau.class);
  }

  @Test
  void aCallbackWithoutArgumentsIsBuilt() {
    TrainingSpec t = training();
    var cbs = new CallbackFactory().forStage(t.callbacks(), t.stages().get(3));

    assertThat(cbs).singleElement().isInstanceOf(TerminateOnNaN.class);
  }

  @Test
  void everyStageGetsFreshInstances() {
    TrainingSpec t = training();
    var factory = new CallbackFactory();

    var a = factory.forStage(t.callbacks(), t.stages().get(0));
    var b = factory.forStage(t.callbacks(), t.stages().get(0));

    assertThat(a.get(0)).isNotSameAs(b.get(0));
  }

  @Test
  void defaultsComeFromTheSchema() {
    TrainingSpec t = training();
    var es =
        (EarlyStopping) new CallbackFactory().forStage(t.callbacks(), t.stages().get(0)).get(0);

    // patience 3, min_delta 0 (schema default): three epochs without improvement stop it
    var testing = new CallbackTesting(0.1);
    assertThat(testing.runEpochs(es, "val_loss", 1.0, 1.0, 1.0, 1.0)).isEqualTo(3);
  }

  @Test
  void projectCallbacksComeFromTheirBuilders() {
    TrainingCallback mine = new TrainingCallback() {};
    var factory =
        new CallbackFactory(
            Schema.classification(), Map.of("MyCallback", spec -> mine), Path.of(""));

    assertThat(factory.create(new ComponentSpec("MyCallback", Map.of(), null, null)))
        .isSameAs(mine);
  }

  @Test
  void anUnsupportedCallbackIsRefusedWithTheSupportedNames() {
    assertThatThrownBy(
            () ->
                new CallbackFactory()
                    .create(new ComponentSpec("TensorBoardX", Map.of(), null, null)))
        .hasMessageContaining("TensorBoardX")
        .hasMessageContaining(
            "EarlyStopping, LRVariator, ModelCheckpoint, ReduceLROnPlateau, TerminateOnNaN");
  }
}
