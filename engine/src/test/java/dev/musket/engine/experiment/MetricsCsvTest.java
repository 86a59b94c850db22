package dev.musket.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.train.callbacks.MonitorMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCsvTest {

  @TempDir Path dir;

  private static final Map<String, Double> EPOCH0 =
      Map.of(
          "val_loss", 0.25,
          "loss", 0.5,
          "lr", 0.001,
          "binary_accuracy", 0.75,
          "val_binary_accuracy", 1.0);

  @Test
  void writesKerasCsvLoggerHeaderAndRows() throws Exception {
    Path file = dir.resolve("metrics/metrics-0.0.csv");
    var w = MetricsCsvWriter.create(file);

    w.writeRow(0, EPOCH0);
    w.writeRow(1, Map.of("loss", 0.4, "lr", 0.00001, "binary_accuracy", 0.8));

    assertThat(Files.readString(file))
        .isEqualTo(
            "epoch,binary_accuracy,loss,lr,val_binary_accuracy,val_loss\n"
                + "0,0.75,0.5,0.001,1.0,0.25\n"
                + "1,0.8,0.4,1e-05,NA,NA\n");
  }

  @Test
  void theFirstRowFixesTheColumns() throws Exception {
    Path file = dir.resolve("m.csv");
    var w = MetricsCsvWriter.create(file);
    w.writeRow(0, Map.of("loss", 1.0));
    w.writeRow(1, Map.of("loss", 2.0, "extra", 3.0));

    assertThat(Files.readAllLines(file)).containsExactly("epoch,loss", "0,1.0", "1,2.0");
  }

  @Test
  void aFreshLogReplacesAnOldOne() throws Exception {
    Path file = dir.resolve("m.csv");
    Files.writeString(file, "epoch,loss\n0,9.0\n");

    MetricsCsvWriter.create(file).writeRow(0, Map.of("loss", 1.0));

    assertThat(Files.readAllLines(file)).containsExactly("epoch,loss", "0,1.0");
  }

  @Test
  void appendOnResumeKeepsTheHeaderAndTheEpochsBeforeTheResumePoint() throws Exception {
    Path file = dir.resolve("m.csv");
    Files.writeString(file, "epoch,loss,lr\r\n0,1.0,0.1\r\n1,0.9,0.1\r\n2,0.8,0.05\r\n");

    var w = MetricsCsvWriter.append(file, 2);
    w.writeRow(2, Map.of("loss", 0.7, "lr", 0.05));

    assertThat(w.keys()).containsExactly("loss", "lr");
    assertThat(Files.readString(file))
        .isEqualTo("epoch,loss,lr\n0,1.0,0.1\n1,0.9,0.1\n2,0.7,0.05\n");
  }

  @Test
  void appendToAMissingFileStartsANewOne() throws Exception {
    Path file = dir.resolve("m.csv");

    MetricsCsvWriter.append(file, 0).writeRow(0, Map.of("loss", 1.0));

    assertThat(Files.readAllLines(file)).containsExactly("epoch,loss", "0,1.0");
  }

  @Test
  void readsWhatResumeNeedsFromAMusketLog() throws Exception {
    Path file = dir.resolve("metrics-0.0.csv");
    Files.writeString(
        file,
        "epoch,binary_accuracy,loss,lr,val_binary_accuracy,val_loss\r\n"
            + "0,0.6,0.9,0.001,0.55,0.8\r\n"
            + "1,0.7,0.7,0.001,0.72,0.6\r\n"
            + "2,0.8,0.5,0.0003,0.70,0.65\r\n"
            + "3,0.85,0.4,9e-05,NA,NA\r\n");

    MetricsTable t = MetricsTable.read(file);

    assertThat(t.columns())
        .containsExactly("binary_accuracy", "loss", "lr", "val_binary_accuracy", "val_loss");
    assertThat(t.nextEpoch()).isEqualTo(4);
    assertThat(t.minLearningRate()).hasValue(9e-05);
    assertThat(t.best("val_binary_accuracy", MonitorMode.MAX)).hasValue(0.72);
    assertThat(t.best("val_loss", MonitorMode.MIN)).hasValue(0.6);
    assertThat(t.column("val_loss")).containsExactly(0.8, 0.6, 0.65, Double.NaN);
    assertThat(t.epochs()).containsExactly(0, 1, 2, 3);
  }

  @Test
  void aMissingOrTornLogReadsAsWhatIsComplete() throws Exception {
    assertThat(MetricsTable.read(dir.resolve("none.csv")).nextEpoch()).isZero();

    Path torn = dir.resolve("torn.csv");
    Files.writeString(torn, "epoch,loss,lr\n0,1.0,0.1\n1,0.9");
    assertThat(MetricsTable.read(torn).nextEpoch()).isEqualTo(1);
  }
}
