package dev.musket.app.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.DirectTaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Fashion-MNIST sample (70,000 items with its test set as holdout), where the Debian
 * package's files are installed: the dataset view indexes it without decoding, and filters and
 * thumbnails work on it.
 */
class FashionMnistTest {

  static final Path SAMPLE =
      Path.of("../sample-projects/fashion-mnist").toAbsolutePath().normalize();
  static final Path DATA = Path.of("/usr/share/datasets/fashion-mnist");

  @Test
  void opensSeventyThousandItemsWithTheTestSetAsHoldout(@TempDir Path dir) throws IOException {
    assumeTrue(Files.isDirectory(DATA), "Fashion-MNIST is not installed");
    Path project = copy(SAMPLE, dir.resolve("fashion-mnist"));
    WorkbenchState state = new WorkbenchState();
    state.projectProperty().set(project);
    DatasetViewModel model = new DatasetViewModel(state, new DirectTaskExecutor());

    long start = System.nanoTime();
    state.selectedExperimentProperty().set(project.resolve("experiments/fashion_cnn"));
    long loadedMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(model.messageProperty().get()).isEmpty();
    assertThat(model.items()).hasSize(70_000);
    assertThat(model.summaryProperty().get()).contains("holdout 10,000");
    assertThat(loadedMs).as("background load, ms").isLessThan(20_000);

    start = System.nanoTime();
    model.splitFilterProperty().set(SplitFilter.validation(0));
    model.classFilterProperty().set(model.classChoices().get(3));
    long filterMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(model.items()).hasSizeBetween(500, 700); // ~6,000 validation items, a tenth each
    assertThat(filterMs).as("filtering on the FX thread, ms").isLessThan(300);

    List<Optional<Pixels>> got = new ArrayList<>();
    model.thumbnailsProperty().get().request(model.items().get(0).index(), got::add);
    assertThat(got.get(0).orElseThrow().width()).isEqualTo(28);
  }

  static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    return to;
  }
}
