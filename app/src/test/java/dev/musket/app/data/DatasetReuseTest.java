package dev.musket.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.config.ExperimentConfig;
import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.data.DatasetBuild;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The previewer reads a dataset once while its section stays the same. */
class DatasetReuseTest {

  @TempDir Path dir;
  Path project;
  Path file;
  String text;

  @BeforeEach
  void open() throws Exception {
    project = Shapes.copyTo(dir);
    file = Shapes.config(project, "csv_resnet18");
    text = Files.readString(file);
  }

  private ExperimentConfig config(String yaml) {
    return new ExperimentLoader().loadText(yaml, file).config().orElseThrow();
  }

  @Test
  void editsElsewhereEvenAboveTheDatasetReuseIt() {
    DatasetReuse reuse = new DatasetReuse();
    DatasetBuild first = reuse.dataset(config(text), project);

    String edited =
        "# a new first line moves every position\n" + text.replace("Fliplr: 0.5", "Flipud: 0.5");
    DatasetBuild second = reuse.dataset(config(edited), project);

    assertThat(first.dataSet()).isPresent();
    assertThat(second).isSameAs(first);
  }

  @Test
  void anotherDatasetOrForgetReadsAgain() {
    DatasetReuse reuse = new DatasetReuse();
    DatasetBuild first = reuse.dataset(config(text), project);

    DatasetBuild other =
        reuse.dataset(config(text.replace("label_column: shape", "label_column: color")), project);
    assertThat(other).isNotSameAs(first);
    assertThat(other.dataSet().orElseThrow().classNames().get(0)).contains("red");

    reuse.forget();
    assertThat(reuse.kept()).isEmpty();
    assertThat(reuse.dataset(config(text), project)).isNotSameAs(first);
  }

  @Test
  void aBrokenDatasetIsNotKept() {
    DatasetReuse reuse = new DatasetReuse();
    reuse.dataset(config(text.replace("data/shapes.csv", "data/missing.csv")), project);
    assertThat(reuse.kept()).isEmpty();
  }
}
