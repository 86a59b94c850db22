package dev.musket.engine.runtime;

/**
 * What {@link NativeRuntime#initialize()} set up, as facts for the start-up log line, the
 * benchmark's header and the tests.
 *
 * @param nativeBuild the nd4j-native build that was loaded, as its Maven classifier
 * @param blas the BLAS vendor libnd4j reports (OpenBLAS, MKL, ...)
 * @param threads the number of threads libnd4j runs its ops on
 * @param oneDnnEnabled whether libnd4j runs its ops on oneDNN
 * @param layerHelpersActive whether DL4J's layers will get oneDNN helpers (the fast path)
 */
public record RuntimeReport(
    String nativeBuild,
    String blas,
    int threads,
    boolean oneDnnEnabled,
    boolean layerHelpersActive) {

  /** The one start-up log line. */
  public String summary() {
    return String.format(
        "native build %s, BLAS %s, %d threads, oneDNN %s, layer helpers %s",
        nativeBuild,
        blas,
        threads,
        oneDnnEnabled ? "on" : "off",
        layerHelpersActive ? "active (fast path)" : "INACTIVE (slow path: 7x-50x slower)");
  }
}
