package dev.musket.engine.runtime;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Which device ND4J computes on: the CPU ({@code nd4j-native}, the default build) or CUDA (the
 * {@code cuda} Maven profile, {@code nd4j-cuda-11.6}). {@link #describe()} says it in words for a
 * status bar.
 */
public final class ComputeBackend {

  /** ND4J's CUDA backend class; present only in a {@code -Pcuda} build. */
  static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";

  private ComputeBackend() {}

  /**
   * Whether this build carries the CUDA backend, checked by name without loading it (so without
   * starting ND4J): what {@link NativeRuntime} decides with before ND4J loads.
   */
  public static boolean cudaOnClasspath() {
    return ComputeBackend.class.getClassLoader().getResource(resource(CUDA_BACKEND_CLASS)) != null;
  }

  /** Whether the backend ND4J loaded is CUDA. Loads ND4J, so call it off any UI thread. */
  public static boolean isCuda() {
    return isCudaBackend(Nd4j.getBackend().getClass().getName());
  }

  static boolean isCudaBackend(String backendClass) {
    String name = backendClass.toLowerCase(Locale.ROOT);
    return name.contains("cublas") || name.contains("cuda");
  }

  /**
   * {@code "CPU"}, or {@code "GPU: <device name>"} when the CUDA backend is loaded. Loads ND4J, so
   * call it off any UI thread.
   */
  public static String describe() {
    if (!isCuda()) {
      return "CPU";
    }
    Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
    return "GPU: " + deviceName(env);
  }

  /** The first CUDA device's name from ND4J's environment information, or "CUDA". */
  static String deviceName(Properties env) {
    if (env.get("cuda.devicesInformation") instanceof List<?> devices && !devices.isEmpty()) {
      if (devices.get(0) instanceof Map<?, ?> first && first.get("cuda.deviceName") != null) {
        String name = String.valueOf(first.get("cuda.deviceName"));
        return devices.size() > 1 ? name + " (+" + (devices.size() - 1) + ")" : name;
      }
    }
    return "CUDA";
  }

  private static String resource(String className) {
    return className.replace('.', '/') + ".class";
  }
}
