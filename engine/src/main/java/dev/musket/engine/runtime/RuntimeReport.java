package dev.musket.engine.runtime;

/**
 * What {@link NativeRuntime#initialize()} set up, as facts for the start-up log line, the
 * benchmark's header and the tests.
 *
 * @param backend {@link #CPU} (nd4j-native) or {@link #CUDA} (nd4j-cuda, the {@code cuda} profile)
 * @param nativeBuild the native build that was loaded, as its Maven classifier
 * @param blas the BLAS vendor libnd4j reports (OpenBLAS, MKL, CUBLAS...)
 * @param threads the number of threads libnd4j runs its ops on
 * @param oneDnnEnabled whether libnd4j runs its ops on oneDNN (never on CUDA)
 * @param layerHelpersActive whether DL4J's layers will get oneDNN helpers (the fast CPU path)
 */
public record RuntimeReport(
    String backend,
    String nativeBuild,
    String blas,
    int threads,
    boolean oneDnnEnabled,
    boolean layerHelpersActive) {

  public static final String CPU = "CPU";
  public static final String CUDA = "CUDA";

  public boolean isCuda() {
    return CUDA.equals(backend);
  }

  /** Whether training runs on its fast path: oneDNN helpers on the CPU; always on CUDA. */
  public boolean fastPath() {
    return isCuda() || layerHelpersActive;
  }

  /** The one start-up log line. */
  public String summary() {
    if (isCuda()) {
      return String.format(
          "CUDA backend, native build %s, BLAS %s; the oneDNN CPU path is not used (layers run"
              + " on ND4J's CUDA ops and cuBLAS, libnd4j ops with a cuDNN helper on cuDNN)",
          nativeBuild, blas);
    }
    return String.format(
        "native build %s, BLAS %s, %d threads, oneDNN %s, layer helpers %s",
        nativeBuild,
        blas,
        threads,
        oneDnnEnabled ? "on" : "off",
        layerHelpersActive ? "active (fast path)" : "INACTIVE (slow path: 7x-50x slower)");
  }
}
