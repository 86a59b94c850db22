package dev.musket.engine.runtime;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Applies {@code --num_gpus}/{@code --gpus_per_net} to the backend ND4J loaded, and says in words
 * what happened to them: a fit never drops them silently.
 *
 * <p>On the CPU they are ignored, and the one notice says so. On CUDA (what DL4J 1.0.0-M2.1 offers,
 * see docs/decisions/0012): {@code num_gpus} must not exceed the devices CUDA shows (after {@code
 * CUDA_VISIBLE_DEVICES}, which picks the physical GPUs, as in Musket); ND4J's CUDA configuration is
 * restricted to device 0 ({@code Configuration.useDevices}, which also places the threads that load
 * data, so no batch crosses devices) and the training thread is pinned to it ({@code
 * AffinityManager.unsafeSetDevice}). One network trains on one device: M2.1 has data parallelism
 * only in {@code ParallelWrapper}, which this engine does not use, and experiments run one after
 * another, so {@code gpus_per_net > 1} and spare devices are reported, not used.
 */
public final class GpuPlacement {

  private static final String CUDA_ENVIRONMENT = "org.nd4j.jita.conf.CudaEnvironment";

  private GpuPlacement() {}

  /**
   * Applies {@code request} on the calling (training) thread; returns the notices to show the user
   * (empty when nothing needs saying).
   *
   * @throws IllegalArgumentException when more GPUs are asked for than CUDA shows
   */
  public static List<String> apply(GpuRequest request) {
    if (request.isEmpty()) {
      return List.of();
    }
    if (!ComputeBackend.isCuda()) {
      return List.of(
          request.describe()
              + " ignored: this build trains on the CPU (build with `mvn -Pcuda` to train on a"
              + " GPU)");
    }
    AffinityManager affinity = Nd4j.getAffinityManager();
    int visible = affinity.getNumberOfDevices();
    if (request.devices() > visible) {
      throw new IllegalArgumentException(
          "--num_gpus "
              + request.devices()
              + " but CUDA shows "
              + visible
              + " device"
              + (visible == 1 ? "" : "s")
              + " (CUDA_VISIBLE_DEVICES="
              + System.getenv().getOrDefault("CUDA_VISIBLE_DEVICES", "not set")
              + ")");
    }
    useDevices(new int[] {0});
    affinity.unsafeSetDevice(0);
    List<String> notices = new ArrayList<>();
    if (request.devicesPerNet() > 1) {
      notices.add(
          "--gpus_per_net "
              + request.devicesPerNet()
              + ": each network trains on one device here (no multi-GPU data parallelism in this"
              + " engine); training on device 0");
    } else if (request.devices() > 1) {
      notices.add(
          "--num_gpus "
              + request.devices()
              + ": experiments train one after another on device 0, devices 1-"
              + (request.devices() - 1)
              + " stay idle (CUDA_VISIBLE_DEVICES chooses which physical GPU is device 0)");
    }
    return notices;
  }

  /**
   * {@code CudaEnvironment.getInstance().getConfiguration().useDevices(ids)}, by reflection: the
   * class exists only in a {@code -Pcuda} build.
   */
  private static void useDevices(int[] ids) {
    try {
      Class<?> environment = Class.forName(CUDA_ENVIRONMENT);
      Object instance = environment.getMethod("getInstance").invoke(null);
      Object configuration = environment.getMethod("getConfiguration").invoke(instance);
      configuration.getClass().getMethod("useDevices", int[].class).invoke(configuration, ids);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException("cannot select CUDA devices through ND4J: " + e, e);
    }
  }
}
