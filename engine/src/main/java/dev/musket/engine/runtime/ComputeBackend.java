package dev.musket.engine.runtime;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Which device ND4J computes on, in words for a status bar: {@code "CPU"}, or {@code "GPU: <device
 * name>"} when the CUDA backend is the one loaded (the {@code cuda} Maven profile). Loads ND4J, so
 * call it off any UI thread.
 */
public final class ComputeBackend {

  private ComputeBackend() {}

  public static String describe() {
    String backend = Nd4j.getBackend().getClass().getName().toLowerCase(Locale.ROOT);
    if (!backend.contains("cublas") && !backend.contains("cuda")) {
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
}
