package dev.musket.engine.train;

import dev.musket.engine.util.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Saves and loads networks for the experiment folder: best weights ({@code .weights}, parameters
 * only) and resume checkpoints (parameters plus the optimizer's state).
 *
 * <p>Why through memory and {@link AtomicFiles}: a kill while DL4J streams a zip would leave a
 * truncated file that looks like a checkpoint; writing the bytes to a temporary file and renaming
 * it leaves either the old or the new file. Networks of this pipeline fit in memory by definition.
 */
public final class NetworkFiles {

  private NetworkFiles() {}

  /** Writes the network (with its updater state when {@code withUpdater}) atomically. */
  public static void save(ComputationGraph network, Path file, boolean withUpdater)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelSerializer.writeModel(network, bytes, withUpdater);
    AtomicFiles.write(file, bytes.toByteArray());
  }

  /** The whole network as saved, with its optimizer state when it was saved with one. */
  public static ComputationGraph load(Path file) throws IOException {
    return ModelSerializer.restoreComputationGraph(file.toFile(), true);
  }

  /** The saved parameter vector, to put into a network of the same layout. */
  public static INDArray parameters(Path file) throws IOException {
    return ModelSerializer.restoreComputationGraph(file.toFile(), false).params();
  }
}
