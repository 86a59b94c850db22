package dev.musket.engine.runtime;

/**
 * Musket's {@code --num_gpus} and {@code --gpus_per_net} as the user gave them, {@code null} for a
 * flag not given. {@link GpuPlacement} applies them on the CUDA backend and reports them as ignored
 * on the CPU, so they are never dropped silently.
 *
 * @param numGpus how many GPUs the fit may use, the first {@code numGpus} devices CUDA shows (after
 *     {@code CUDA_VISIBLE_DEVICES})
 * @param gpusPerNet how many of them one network trains on
 */
public record GpuRequest(Integer numGpus, Integer gpusPerNet) {

  /** Neither flag given. */
  public static final GpuRequest NONE = new GpuRequest(null, null);

  public GpuRequest {
    if (numGpus != null && numGpus < 1) {
      throw new IllegalArgumentException("--num_gpus must be at least 1, got " + numGpus);
    }
    if (gpusPerNet != null && gpusPerNet < 1) {
      throw new IllegalArgumentException("--gpus_per_net must be at least 1, got " + gpusPerNet);
    }
    if (numGpus != null && gpusPerNet != null && gpusPerNet > numGpus) {
      throw new IllegalArgumentException(
          "--gpus_per_net " + gpusPerNet + " is more than --num_gpus " + numGpus);
    }
  }

  public boolean isEmpty() {
    return numGpus == null && gpusPerNet == null;
  }

  /** The devices the fit may use: {@code numGpus}, 1 when not given (Musket's default). */
  public int devices() {
    return numGpus == null ? 1 : numGpus;
  }

  /** The devices one network uses: {@code gpusPerNet}, 1 when not given. */
  public int devicesPerNet() {
    return gpusPerNet == null ? 1 : gpusPerNet;
  }

  /** The flags as given, e.g. {@code --num_gpus 2 --gpus_per_net 1}. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    if (numGpus != null) {
      b.append("--num_gpus ").append(numGpus);
    }
    if (gpusPerNet != null) {
      b.append(b.isEmpty() ? "" : " ").append("--gpus_per_net ").append(gpusPerNet);
    }
    return b.toString();
  }
}
